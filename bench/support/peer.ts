/**
 * The peer: the bpmn-engine package running the same purchase approval in its
 * own terms. The diagram is parsed once with bpmn-moddle and handed over as a
 * moddle context, the way an application would cache it; each instance is one
 * Engine, executed until its user task waits, then signalled to the end.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import { versionOf } from './machine';

const XML = readFileSync(
  new URL('../fixtures/purchase-approval.bpmn-engine.bpmn', import.meta.url),
  'utf8',
);

export const PEER_VERSION = versionOf('bpmn-engine');

type Next = (error: Error | null, result?: unknown) => void;

interface Api {
  id: string;
  type: string;
  content: { output?: unknown };
  signal(message?: unknown): void;
  on(event: string, handler: (api: Api) => void): void;
}

const services = {
  prepare: (_context: unknown, next: Next) => next(null, { prepared: true }),
  isAbove: (value: number, threshold: number) => value > threshold,
};

/** bpmn-engine keeps a task's output to itself; its documented way to share it is an extension. */
const extensions = {
  keepUserTaskOutput(
    activity: Api,
    { environment }: { environment: { output: Record<string, unknown> } },
  ) {
    if (activity.type !== 'bpmn:UserTask') return;
    activity.on('end', (api) => {
      environment.output[api.id] = api.content.output;
    });
  },
};

export interface Peer {
  /** One instance to the end; resolves with the id of the end event reached. */
  runInstance(): Promise<string>;
}

export async function createPeer(): Promise<Peer> {
  const moddleContext = await BpmnModdle().fromXML(XML);
  return {
    async runInstance() {
      const engine = new Engine({
        name: 'purchase-approval',
        moddleContext,
        services,
        // Its typings ask for an activate/deactivate pair; a listener attached once per activity is what its docs show.
        extensions: extensions as never,
        variables: { amount: 1200 },
      });
      const listener = new EventEmitter();
      let endedAt = '';
      listener.on('wait', (api: Api) => api.signal({ approved: true }));
      listener.on('activity.end', (api: Api) => {
        if (api.type === 'bpmn:EndEvent') endedAt = api.id;
      });
      const ended = engine.waitFor('end');
      await engine.execute({ listener });
      await ended;
      return endedAt;
    },
  };
}
