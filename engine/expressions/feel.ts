/**
 * FEEL expressions, compiled once when a diagram is compiled and evaluated many
 * times at run time. `=expr` is an expression; anything else is a literal (the
 * Camunda 8 convention). Common shapes (paths, literals, comparisons, boolean
 * logic, arithmetic on numbers) run as pre-built closures; anything else, and
 * any value the closure is not sure about, goes to feelin, so the result is
 * always feelin's.
 */
import { evaluate as feelEvaluate, parseExpression } from 'feelin';
import type { Json } from '../runtime/types';
import { BAIL, compileFastPath, type FastPath } from './fast-path';

/** Variables visible where an expression runs (a chain of scopes). */
export interface VariableLookup {
  /** The value of a variable, or undefined when no scope defines it. */
  get(name: string): Json | undefined;
  /** All visible variables as one object (inner scopes win). */
  toObject(): Record<string, Json>;
}

export interface LiteralExpression {
  readonly kind: 'literal';
  /** The text as written in the diagram. */
  readonly source: string;
  readonly value: string;
}

export interface FeelExpression {
  readonly kind: 'feel';
  readonly source: string;
  /** The FEEL text without the leading `=`. */
  readonly text: string;
  readonly fast: FastPath | null;
}

export type Expression = LiteralExpression | FeelExpression;

export type EvaluationResult = { ok: true; value: Json } | { ok: false; message: string };

export type CompileExpressionResult = { ok: true; expression: Expression } | { ok: false; message: string };

/** Compiles an attribute value: `=expr` becomes FEEL, anything else a literal. */
export function compileExpression(source: string): CompileExpressionResult {
  const trimmed = source.trimStart();
  if (!trimmed.startsWith('=')) {
    return { ok: true, expression: { kind: 'literal', source, value: source } };
  }
  return compileFeel(trimmed.slice(1), source);
}

/** Compiles text that is always FEEL (sequence flow conditions); a leading `=` is optional. */
export function compileFeel(text: string, source: string = text): CompileExpressionResult {
  const body = text.trimStart().startsWith('=') ? text.trimStart().slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, message: `Expected a FEEL expression, but '${source}' is empty` };
  }
  let tree: ReturnType<typeof parseExpression>;
  try {
    tree = parseExpression(body, {}, undefined);
  } catch (error) {
    return { ok: false, message: `Expected a valid FEEL expression, but '${source}' cannot be parsed: ${errorText(error)}` };
  }
  let broken: { from: number } | null = null;
  tree.iterate({
    enter(node) {
      if (broken) return false;
      if (node.type.isError) {
        broken = { from: node.from };
        return false;
      }
      return undefined;
    },
  });
  if (broken !== null) {
    const at: number = (broken as { from: number }).from;
    return {
      ok: false,
      message: `Expected a valid FEEL expression, but '${source}' cannot be parsed at position ${at + 1}`,
    };
  }
  return { ok: true, expression: { kind: 'feel', source, text: body, fast: compileFastPath(tree, body) } };
}

/** Evaluates an expression against visible variables. Failures are values, never exceptions. */
export function evaluateExpression(expression: Expression, variables: VariableLookup): EvaluationResult {
  if (expression.kind === 'literal') return { ok: true, value: expression.value };
  if (expression.fast) {
    const value = expression.fast(variables);
    if (value !== BAIL) return { ok: true, value };
  }
  return evaluateWithFeelin(expression, variables);
}

function evaluateWithFeelin(expression: FeelExpression, variables: VariableLookup): EvaluationResult {
  let result: { value: unknown; warnings: { message: string }[] };
  try {
    result = feelEvaluate(expression.text, variables.toObject());
  } catch (error) {
    return { ok: false, message: `Expected '${expression.source}' to evaluate, but it failed: ${errorText(error)}` };
  }
  const value = toJson(result.value);
  if (value === null && result.warnings.length > 0) {
    return {
      ok: false,
      message: `Expected '${expression.source}' to evaluate to a value, but it was null (${result.warnings
        .map((w) => w.message)
        .join('; ')})`,
    };
  }
  return { ok: true, value };
}

/** FEEL values → plain JSON (temporal values become their ISO text, functions null). */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'object') {
    {
      if (Array.isArray(value)) return value.map(toJson);
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        const withJson = value as { toJSON?: () => unknown };
        return typeof withJson.toJSON === 'function' ? toJson(withJson.toJSON()) : null;
      }
      const out: Record<string, Json> = {};
      for (const [key, entry] of Object.entries(value)) out[key] = toJson(entry);
      return out;
    }
  }
  return null;
}

/** Describes a value for "but it was …" messages. */
export function describe(value: Json | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string '${value}'`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a context';
  return `${typeof value} ${String(value)}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
