export { compile, compileAll, type CompileAllResult, type CompileResult } from './compile';
export type {
  BatonApproval,
  ElementKind,
  ElementNode,
  EventDefinition,
  IoMapping,
  ProcessGraph,
  SequenceFlow,
  StartEventInfo,
  ZeebeProperties,
} from './graph';
