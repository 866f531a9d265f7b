import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.data/**',
      '.test-data/**',
      'db/migrations/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['next', 'next/*', 'react', 'react-dom', 'react/*'], message: 'engine/ stands alone: no Next.js or React.' },
            { group: ['@/app/*', '@/lib/*', '@/components/*', '@/db/*', '@/app', '@/lib', '@/components', '@/db'], message: 'engine/ imports nothing of the project outside itself.' },
            { group: ['**/../app/*', '**/../lib/*', '**/../components/*', '**/../db/*'], message: 'engine/ imports nothing of the project outside itself.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'engine/ receives its configuration; it never reads process.env.' },
      ],
    },
  },
  {
    files: ['engine/runtime/**/*.ts', 'engine/behaviors/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The step is pure: time comes in as context.now.' },
        { object: 'Math', property: 'random', message: 'The step is pure: ids come in as context.newId().' },
        { object: 'process', property: 'env', message: 'engine/ never reads process.env.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The step is pure: time comes in as context.now.' },
      ],
    },
  },
  prettier,
);
