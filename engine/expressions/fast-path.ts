/**
 * Turns the FEEL parse tree of a common expression into a closure, so run time
 * does no parsing. Only shapes whose FEEL meaning is plain are handled; the
 * closure answers BAIL whenever a value is outside them (null, a missing
 * variable, mixed types), and the caller then asks feelin.
 */
import type { parseExpression } from 'feelin';
import type { Json } from '../runtime/types';
import type { VariableLookup } from './feel';

export const BAIL: unique symbol = Symbol('feel.bail');
export type FastValue = Json | typeof BAIL;
export type FastPath = (variables: VariableLookup) => FastValue;

type Tree = ReturnType<typeof parseExpression>;
type SyntaxNode = Tree['topNode'];

const PUNCTUATION = new Set(['(', ')', '.']);

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (!PUNCTUATION.has(child.name)) out.push(child);
  }
  return out;
}

export function compileFastPath(tree: Tree, text: string): FastPath | null {
  const build = (node: SyntaxNode): FastPath | null => {
    const children = childrenOf(node);
    const source = text.slice(node.from, node.to);
    switch (node.name) {
      case 'Expression':
      case 'ParenthesizedExpression':
        return children.length === 1 && children[0] ? build(children[0]) : null;
      case 'VariableName': {
        if (children.length !== 1) return null;
        const name = source;
        return (variables) => {
          const value = variables.get(name);
          return value === undefined || value === null ? BAIL : value;
        };
      }
      case 'PathExpression': {
        const [base, last] = children;
        if (children.length !== 2 || !base || !last || last.name !== 'PathName') return null;
        const target = build(base);
        const key = text.slice(last.from, last.to);
        if (!target || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return null;
        return (variables) => {
          const value = target(variables);
          if (value === BAIL || value === null || typeof value !== 'object' || Array.isArray(value)) return BAIL;
          const entry = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
          return entry === undefined || entry === null ? BAIL : entry;
        };
      }
      case 'NumericLiteral': {
        const value = Number(source);
        return Number.isFinite(value) ? () => value : null;
      }
      case 'StringLiteral': {
        if (source.includes('\\') || source.length < 2) return null;
        const value = source.slice(1, -1);
        return () => value;
      }
      case 'BooleanLiteral': {
        const value = source === 'true';
        return () => value;
      }
      case 'Comparison':
        return comparison(children);
      case 'Conjunction':
      case 'Disjunction':
        return logic(children, node.name === 'Conjunction');
      case 'ArithmeticExpression':
        return arithmetic(children);
      default:
        return null;
    }
  };

  const comparison = (children: SyntaxNode[]): FastPath | null => {
    const [leftNode, opNode, rightNode] = children;
    if (children.length !== 3 || !leftNode || !opNode || !rightNode || opNode.name !== 'CompareOp') return null;
    const left = build(leftNode);
    const right = build(rightNode);
    const op = text.slice(opNode.from, opNode.to);
    if (!left || !right) return null;
    const compare = COMPARE[op];
    if (!compare) return null;
    return (variables) => {
      const a = left(variables);
      if (a === BAIL) return BAIL;
      const b = right(variables);
      if (b === BAIL) return BAIL;
      if (typeof a === 'number' && typeof b === 'number') return compare(a, b);
      if ((op === '=' || op === '!=') && typeof a === typeof b && (typeof a === 'string' || typeof a === 'boolean')) {
        return op === '=' ? a === b : a !== b;
      }
      return BAIL;
    };
  };

  const logic = (children: SyntaxNode[], isAnd: boolean): FastPath | null => {
    const [leftNode, , rightNode] = children;
    if (children.length !== 3 || !leftNode || !rightNode) return null;
    const left = build(leftNode);
    const right = build(rightNode);
    if (!left || !right) return null;
    return (variables) => {
      const a = left(variables);
      if (typeof a !== 'boolean') return BAIL;
      // FEEL's three-valued logic agrees with short-circuiting on these values.
      if (isAnd ? !a : a) return a;
      const b = right(variables);
      return typeof b === 'boolean' ? b : BAIL;
    };
  };

  const arithmetic = (children: SyntaxNode[]): FastPath | null => {
    if (children.length === 2) {
      const [opNode, operandNode] = children;
      if (!opNode || !operandNode || text.slice(opNode.from, opNode.to) !== '-') return null;
      const operand = build(operandNode);
      if (!operand) return null;
      return (variables) => {
        const value = operand(variables);
        return typeof value === 'number' ? -value : BAIL;
      };
    }
    const [leftNode, opNode, rightNode] = children;
    if (children.length !== 3 || !leftNode || !opNode || !rightNode || opNode.name !== 'ArithOp') return null;
    const left = build(leftNode);
    const right = build(rightNode);
    const op = ARITHMETIC[text.slice(opNode.from, opNode.to)];
    if (!left || !right || !op) return null;
    return (variables) => {
      const a = left(variables);
      const b = right(variables);
      if (typeof a !== 'number' || typeof b !== 'number') return BAIL;
      const value = op(a, b);
      return Number.isFinite(value) ? value : BAIL;
    };
  };

  return build(tree.topNode);
}

const COMPARE: Record<string, ((a: number, b: number) => boolean) | undefined> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

const ARITHMETIC: Record<string, ((a: number, b: number) => number) | undefined> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};
