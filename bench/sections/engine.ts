/**
 * In memory: the reference purchase approval through Baton on the memory
 * store, through the pure step alone, and through bpmn-engine, in one process
 * one after another, so the ratio compares like with like on the same machine.
 */
import { createEngine, createMemoryStore } from '@/engine';
import { micros, rate, times } from '../support/format';
import { throughput, type RoundPlan } from '../support/measure';
import { createPeer, PEER_VERSION } from '../support/peer';
import { compiledGraph, runInstance, stepInstance, verifyPath, XML } from '../support/purchase';
import { row, type Section } from '../support/section';

const PLAN: RoundPlan = { warmupMs: 1500, rounds: 7, roundMs: 1000 };
/** bpmn-engine completes a few dozen instances a second, so its rounds are longer to hold enough of them. */
const PEER_PLAN: RoundPlan = { warmupMs: 2000, rounds: 7, roundMs: 2000 };
const TARGET_RATIO = 100;

async function freshEngine() {
  const engine = createEngine({ store: createMemoryStore() });
  await engine.deploy(XML);
  return engine;
}

export const engineSection: Section = {
  name: 'engine',
  title: 'In memory: purchase approval, Baton vs bpmn-engine',
  defaultOn: true,
  async run() {
    const peer = await createPeer();
    const peerEnd = await peer.runInstance();
    if (peerEnd !== 'approved')
      throw new Error(`Expected bpmn-engine to end at 'approved', but it ended at '${peerEnd}'`);

    await verifyPath(await freshEngine());
    const graph = await compiledGraph();

    // The peer goes first and each Baton store lives only for its own measurement, so neither
    // pays for garbage collection over the other's live heap.
    const bpmnEngine = await throughput(() => peer.runInstance(), PEER_PLAN);
    const baton = await freshEngine().then((engine) => throughput(() => runInstance(engine), PLAN));
    const pure = await throughput(() => stepInstance(graph), PLAN);
    const pureJson = await throughput(() => stepInstance(graph, undefined, true), PLAN);

    const ratio = bpmnEngine.cpuUsPerOp / baton.cpuUsPerOp;
    const cpu = (us: number) => `${micros(us)} CPU/instance`;
    return {
      rows: [
        row({
          measurement: 'Baton, createEngine + memory store (start, complete job, complete task)',
          value: rate(baton.perSecond),
          detail: cpu(baton.cpuUsPerOp),
          reference: `bpmn-engine ${cpu(bpmnEngine.cpuUsPerOp)}`,
          ratio: `${times(ratio)} less CPU`,
          target: `≥ ${TARGET_RATIO}×`,
          verdict: ratio >= TARGET_RATIO ? 'met' : 'missed',
        }),
        row({
          measurement: 'Baton, pure step ×3 (no store)',
          value: rate(pure.perSecond),
          detail: cpu(pure.cpuUsPerOp),
          reference: 'Baton on the memory store',
          ratio: `${Math.round((pure.cpuUsPerOp / baton.cpuUsPerOp) * 100)}% of its CPU`,
        }),
        row({
          measurement: 'Baton, pure step ×3 + JSON round trip of the state at each wait',
          value: rate(pureJson.perSecond),
          detail: cpu(pureJson.cpuUsPerOp),
          reference: 'Baton on the memory store',
          ratio: `${Math.round((pureJson.cpuUsPerOp / baton.cpuUsPerOp) * 100)}% of its CPU`,
        }),
        row({
          measurement: `bpmn-engine ${PEER_VERSION} (services option, signalled user task)`,
          value: rate(bpmnEngine.perSecond),
          detail: cpu(bpmnEngine.cpuUsPerOp),
          reference: 'Baton on the memory store',
          ratio: times(bpmnEngine.perSecond / baton.perSecond),
        }),
      ],
      notes: [
        `Each figure is the median of ${PLAN.rounds} rounds of ${PLAN.roundMs / 1000} s after ${PLAN.warmupMs / 1000} s of warm-up (bpmn-engine: ${PEER_PLAN.rounds} of ${PEER_PLAN.roundMs / 1000} s after ${PEER_PLAN.warmupMs / 1000} s); instances run one after another on one thread; CPU is process.cpuUsage over the round divided by the instances completed.`,
        'Before measuring, one instance of each engine is checked to end at "approved" (amount 1200 > 1000 goes through the review task, which approves).',
        'Baton takes job and task ids from the instance state each command returns (they are the element-instance ids), so no list query is measured.',
        'bpmn-engine gets the diagram parsed once (bpmn-moddle context, as an application would cache it); it still serializes that context and builds its element objects for every instance, which is part of its per-instance cost.',
        "The pure-step rows show where Baton's time goes: the rest of the memory-store figure is the store (a frozen, JSON-shaped copy of the parts of the state a command changed, the rows of its history and effects), the command runner and the view it returns.",
      ],
    };
  },
};
