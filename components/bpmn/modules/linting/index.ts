import LintingModule from 'bpmn-js-bpmnlint';
import { engineProblemsRule, type EngineProblems } from './engine-problems';
import { recommendedConfig, recommendedRules } from './recommended-rules';

export { EngineProblems } from './engine-problems';

/** The rule name under which engine problems appear (plugin "baton", rule "engine"). */
export const ENGINE_RULE = 'baton/engine';

/**
 * bpmn-js-bpmnlint's options: bpmnlint's recommended rules plus one rule
 * carrying the engine's compile problems, resolved from a static cache.
 * `batonRules` adds Baton's own rules as errors, each named `baton/<name>`.
 */
export function lintingConfig(problems: EngineProblems, batonRules: Record<string, () => unknown> = {}) {
  const cache: Record<string, unknown> = {
    'config:bpmnlint/recommended': recommendedConfig,
    'rule:bpmnlint-plugin-baton/engine': engineProblemsRule(problems),
  };
  for (const [name, rule] of Object.entries(recommendedRules)) cache[`rule:bpmnlint/${name}`] = rule;
  for (const [name, rule] of Object.entries(batonRules)) cache[`rule:bpmnlint-plugin-baton/${name}`] = rule;
  const resolve = (type: string, pkg: string, name: string) => {
    const found = cache[`${type}:${pkg}/${name}`];
    if (!found) throw new Error(`unknown ${type} <${pkg}/${name}>`);
    return found;
  };
  return {
    active: true,
    bpmnlint: {
      config: {
        rules: {
          ...recommendedConfig.rules,
          [ENGINE_RULE]: 'error',
          ...Object.fromEntries(Object.keys(batonRules).map((name) => [`baton/${name}`, 'error'])),
        },
      },
      resolver: {
        resolveRule: (pkg: string, name: string) => resolve('rule', pkg, name),
        resolveConfig: (pkg: string, name: string) => resolve('config', pkg, name),
      },
    },
  };
}

export { LintingModule };
