import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { compileExpression, evaluateExpression, type VariableLookup } from '@/engine/expressions';
import type { Variables } from '@/engine/runtime';

const lookup = (variables: Variables): VariableLookup => ({ get: (name) => variables[name], toObject: () => variables });
const variables: Variables = { amount: 1200, approved: true, name: 'Ada', order: { total: 5, lines: [1, 2] }, none: null };

describe('FEEL expressions', () => {
  it.each([
    'amount > 1000',
    'amount >= 1200 and approved = true',
    'approved = false or amount < 10',
    'order.total * 2 - 1',
    '(amount + 1) / 2',
    '-amount',
    'name = "Ada"',
    'name != "Bob"',
    'missing > 1',
    'none = null',
    'amount / 0',
    '"a" + name',
    'order.lines',
    'if amount > 5 then "big" else "small"',
    'count(order.lines)',
  ])('%s evaluates exactly as feelin does', (text) => {
    const compiled = compileExpression(`=${text}`);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const ours = evaluateExpression(compiled.expression, lookup(variables));
    const theirs = evaluate(text, variables);
    if (ours.ok) expect(ours.value).toEqual(theirs.value);
    else expect(theirs.value).toBeNull();
  });

  it('treats text without a leading = as a literal', () => {
    const compiled = compileExpression('finance');
    expect(compiled.ok && evaluateExpression(compiled.expression, lookup({}))).toEqual({ ok: true, value: 'finance' });
  });

  it('reports a missing variable as a failure value naming the expression', () => {
    const compiled = compileExpression('=missing.field');
    const result = compiled.ok ? evaluateExpression(compiled.expression, lookup({})) : null;
    expect(result).toMatchObject({ ok: false });
    expect(result && !result.ok ? result.message : '').toMatch(/^Expected '=missing.field' to evaluate to a value, but it was null \(Variable 'missing' not found/);
  });

  it('rejects unparsable FEEL at compile time, quoting the text', () => {
    expect(compileExpression('=amount >')).toMatchObject({ ok: false });
    const compiled = compileExpression('=amount >');
    expect(compiled.ok ? '' : compiled.message).toContain("'=amount >' cannot be parsed");
  });
});
