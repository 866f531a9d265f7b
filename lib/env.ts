import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one reader of process.env. Every setting Baton understands is declared
 * here, validated once, and documented in the README's configuration table.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  BATON_DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce.number().int().positive().default(3000),
  BATON_URL: z.url().optional(),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Baton <baton@localhost>'),
  BATON_WORKER: z.enum(['on', 'off']).default('on'),
  BATON_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'BATON_CURRENCY must be a three-letter ISO 4217 code')
    .default('USD'),
  APPROVAL_LINK_TTL_HOURS: z.coerce.number().positive().default(168),
  /** Password of the seeded demo accounts. Demo data only; listed in the README. */
  BATON_DEMO_PASSWORD: z
    .string()
    .min(8, 'BATON_DEMO_PASSWORD must be at least 8 characters')
    .default('baton-demo'),
});

export type Env = z.infer<typeof schema> & {
  /** Absolute path of the data folder (embedded database, generated secrets). */
  dataDir: string;
  /** Public base URL used in mails and redirects. */
  baseUrl: string;
};

let cached: Env | undefined;

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Baton's configuration is invalid:\n${problems}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.BATON_DATA_DIR);
  const baseUrl = (env.BATON_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(
    /\/$/,
    '',
  );
  return { ...env, dataDir, baseUrl };
}

export function env(): Env {
  cached ??= readEnv();
  return cached;
}

/** Forget the cached settings (tests that change process.env call this). */
export function resetEnv(): void {
  cached = undefined;
}

/**
 * The secret that signs sessions. Taken from NEXTAUTH_SECRET when set;
 * otherwise generated once and kept beside the embedded data, never hard-coded.
 */
export function authSecret(): string {
  const { NEXTAUTH_SECRET, dataDir } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
