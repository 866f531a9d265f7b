export {
  compileExpression,
  compileFeel,
  describe,
  evaluateExpression,
  toJson,
  type CompileExpressionResult,
  type EvaluationResult,
  type Expression,
  type FeelExpression,
  type LiteralExpression,
  type VariableLookup,
} from './feel';
export { addDuration, parseCycle, parseDateTime, parseDuration, type Cycle, type Duration } from './time';
