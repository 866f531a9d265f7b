import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { DesignerError } from './designer-error';

export interface ProcessInfo {
  processId: string;
  name: string | null;
}

/**
 * The process a diagram is filed under: its first executable process (the one
 * the engine deploys), else its first process. A collaboration of several
 * pools is kept whole; the draft is keyed by that one process id.
 */
export async function readProcessInfo(xml: string): Promise<ProcessInfo> {
  let definitions: ModdleElement;
  try {
    ({ rootElement: definitions } = await BpmnModdle().fromXML(xml));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DesignerError('invalid', `This is not a BPMN 2.0 diagram: ${reason}`);
  }
  const rootElements = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  const processes = rootElements.filter((element) => element.$type === 'bpmn:Process');
  const executable = processes.filter((process) => process.isExecutable === true);
  const candidates = executable.length > 0 ? executable : processes;
  if (candidates.length === 0) {
    throw new DesignerError('invalid', 'The diagram contains no process.');
  }
  const process = candidates[0]!;
  const participant = rootElements
    .filter((element) => element.$type === 'bpmn:Collaboration')
    .flatMap((collaboration) => (collaboration.participants as ModdleElement[] | undefined) ?? [])
    .find((p) => (p.processRef as ModdleElement | undefined)?.id === process.id);
  const name = (process.name as string | undefined) ?? (participant?.name as string | undefined) ?? null;
  return { processId: process.id ?? '', name: name && name.trim() !== '' ? name : null };
}
