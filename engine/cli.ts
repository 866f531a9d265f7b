/**
 * `npm run bpmn -- run <file.bpmn> [--vars '{…}'] [--complete <elementId>='{…}' …]
 *   [--message <name>[:<key>]='{…}' …] [--real-time] [--json]`
 *
 * Runs a diagram in memory: `log` and `http` jobs run, other job types wait,
 * user tasks are completed from the --complete arguments in the order given
 * (or by asking, on a terminal), messages are sent once something waits for
 * them, and timers fire on a virtual clock that jumps to the next due timer
 * when nothing else can move (so a P3D escalation takes milliseconds), or
 * with --real-time when they fall due. The exit code says how the run ended,
 * so process models can be tested in CI.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import type { InstanceView, StoredHistoryEvent } from './api';
import { DeploymentRejected } from './api';
import { createManualClock, systemClock, type Clock } from './clock';
import { createEngine, toInstanceView } from './engine';
import { compile } from './model';
import type { Json, Variables } from './runtime/types';
import { CommandRejected } from './runtime/types';
import { createMemoryStore } from './store/memory';
import { createHttpHandler, createLogHandler, createWorker } from './worker';

export const EXIT = { completed: 0, usage: 1, waiting: 2, incident: 3, invalid: 4 } as const;

const USAGE = `Usage: npm run bpmn -- run <file.bpmn> [--vars '{"amount":1200}'] [--complete <elementId>='{…}' …]
         [--message <name>[:<key>]='{…}' …] [--real-time] [--json]

  --vars        JSON object of start variables
  --complete    completes the next open user task with this element id (in order of appearance)
  --message     correlates a message (name, correlation key, variables) once a subscription or
                message start event waits for it, in the order given
  --real-time   timers fire when they fall due on the wall clock (default: a virtual clock
                that jumps to the next due timer when nothing else can move)
  --json        prints one JSON document instead of text

Exit codes: 0 completed, 2 still waiting, 3 incident, 4 invalid diagram, 1 usage error.`;

class UsageError extends Error {}

interface Options {
  file: string;
  variables: Variables;
  completions: Array<{ elementId: string; variables: Variables; used: boolean }>;
  messages: Array<{ name: string; correlationKey: string; variables: Variables; used: boolean }>;
  realTime: boolean;
  json: boolean;
}

function parseObject(text: string, what: string): Variables {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`Expected ${what} to be JSON, but got: ${text}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`Expected ${what} to be a JSON object, but got: ${text}`);
  }
  return value as Variables;
}

export function parseArguments(args: readonly string[]): Options {
  const [command, ...rest] = args;
  if (command !== 'run')
    throw new UsageError(command ? `Unknown command: ${command}` : 'Missing command');
  const options: Options = { file: '', variables: {}, completions: [], messages: [], realTime: false, json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = () => {
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`Missing value after ${arg}`);
      return next;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--real-time') options.realTime = true;
    else if (arg === '--message') {
      const spec = value();
      const eq = spec.indexOf('=');
      const head = eq === -1 ? spec : spec.slice(0, eq);
      const colon = head.indexOf(':');
      const name = colon === -1 ? head : head.slice(0, colon);
      if (!name) throw new UsageError(`Expected --message <name>[:<key>]='{…}', but got: ${spec}`);
      const variables = eq === -1 || spec.slice(eq + 1).trim() === '' ? {} : parseObject(spec.slice(eq + 1), `--message ${head}`);
      options.messages.push({ name, correlationKey: colon === -1 ? '' : head.slice(colon + 1), variables, used: false });
    }
    else if (arg === '--vars') options.variables = parseObject(value(), '--vars');
    else if (arg === '--complete') {
      const spec = value();
      const eq = spec.indexOf('=');
      const elementId = eq === -1 ? spec : spec.slice(0, eq);
      if (!elementId)
        throw new UsageError(`Expected --complete <elementId>='{…}', but got: ${spec}`);
      const variables =
        eq === -1 || spec.slice(eq + 1).trim() === ''
          ? {}
          : parseObject(spec.slice(eq + 1), `--complete ${elementId}`);
      options.completions.push({ elementId, variables, used: false });
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option: ${arg}`);
    else if (!options.file) options.file = arg;
    else throw new UsageError(`Unexpected argument: ${arg}`);
  }
  if (!options.file) throw new UsageError('Missing <file.bpmn>');
  return options;
}

interface TraceLine {
  instanceId: string;
  type: string;
  elementId: string | null;
  elementType: string | null;
  by: string | null;
  data: { [key: string]: Json } | null;
}

const toTrace = (event: StoredHistoryEvent): TraceLine => ({
  instanceId: event.instanceId,
  type: event.type,
  elementId: event.elementId ?? null,
  elementType: event.elementType ?? null,
  by: event.by ?? null,
  data: event.data ?? null,
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function toInstanceViewOrNull(records: Awaited<ReturnType<ReturnType<typeof createMemoryStore>['listInstances']>>): InstanceView | null {
  const first = records.at(-1);
  return first ? toInstanceView(first) : null;
}

async function ask(question: string): Promise<string | null> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } catch {
    return null;
  } finally {
    rl.close();
  }
}

type Outcome = 'completed' | 'terminated' | 'waiting' | 'incident';

async function run(options: Options): Promise<number> {
  let xml: string;
  try {
    xml = await readFile(options.file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${options.file}: ${(error as Error).message}`);
  }
  const logs: string[] = [];
  const log = (line: string) => {
    logs.push(line);
    if (!options.json) process.stdout.write(`log ${line}\n`);
  };
  const store = createMemoryStore();
  const virtual = createManualClock(Date.now());
  const clock: Clock = options.realTime ? systemClock : virtual;
  const engine = createEngine({ store, clock });
  const worker = createWorker({
    engine,
    store,
    clock,
    workerId: 'cli',
    handlers: { log: createLogHandler(log), http: createHttpHandler() },
    onError: (error) => log(`worker: ${error instanceof Error ? error.message : String(error)}`),
  });

  const isAwaited = async (name: string, correlationKey: string): Promise<boolean> =>
    (await store.listSubscriptions({ messageName: name, correlationKey, kind: 'message' })).length > 0 ||
    (await store.transaction((tx) => tx.findMessageStarts(name, 'message'))).length > 0;

  let definition;
  try {
    definition = await engine.deploy(xml, { deployedBy: 'cli' });
  } catch (error) {
    if (!(error instanceof DeploymentRejected)) throw error;
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ status: 'invalid', problems: error.problems }, null, 2)}\n`,
      );
    } else {
      process.stdout.write(`Invalid diagram ${options.file}:\n`);
      for (const problem of error.problems) {
        const where =
          problem.line !== undefined
            ? ` (line ${problem.line}, column ${problem.column ?? '?'})`
            : '';
        process.stdout.write(`  ${problem.elementId ?? '-'}: ${problem.message}${where}\n`);
      }
    }
    return EXIT.invalid;
  }

  const graph = await compile(xml);
  const startable = graph.ok && graph.graph.process.startEventId !== null;
  // A process that starts only on a timer or a message runs from the first instance its start event creates.
  let started: InstanceView | null = startable
    ? await engine.start(definition.processId, { variables: options.variables, startedBy: 'cli' })
    : null;
  const interactive = process.stdin.isTTY;

  for (let round = 0; round < 10_000; round++) {
    while (true) {
      const done = await worker.runOnce();
      if (done.jobs + done.timers === 0) break;
    }
    started ??= toInstanceViewOrNull(await store.listInstances({ processId: definition.processId }));
    if (started) {
      started = (await engine.getInstance(started.id)) ?? started;
      if (started.status !== 'active' || (await engine.listIncidents()).length > 0) break;
    }

    let progressed = false;
    for (const message of options.messages) {
      if (message.used || !(await isAwaited(message.name, message.correlationKey))) continue;
      message.used = true;
      const reached = await engine.correlateMessage(message.name, message.correlationKey, message.variables);
      started ??= reached;
      progressed = true;
      break;
    }
    if (progressed) continue;

    const open = await engine.listTasks({ status: 'open' });
    for (const task of open) {
      const completion = options.completions.find((c) => !c.used && c.elementId === task.elementId);
      if (!completion) continue;
      completion.used = true;
      await engine.completeTask(task.id, completion.variables, 'cli');
      progressed = true;
      break;
    }
    if (!progressed && interactive && open[0]) {
      const task = open[0];
      const answer = await ask(
        `Complete "${task.name ?? task.elementId}" (${task.elementId}) with variables as JSON [{}], or "q" to stop: `,
      );
      if (answer !== null && answer.trim() !== 'q') {
        let variables: Variables;
        try {
          variables = answer.trim() ? parseObject(answer, 'the variables') : {};
        } catch (error) {
          process.stderr.write(`${(error as Error).message}\n`);
          continue;
        }
        await engine.completeTask(task.id, variables, 'cli');
        progressed = true;
      }
    }
    if (progressed) continue;

    // Timer start schedules keep going forever; once an instance runs only its own timers move the clock.
    const [nextTimer] = (await store.listTimers()).filter((timer) => (started ? timer.instanceId !== null : true));
    if (nextTimer && nextTimer.dueAt.getTime() > clock.now()) {
      if (options.realTime) await sleep(nextTimer.dueAt.getTime() - clock.now());
      else virtual.set(nextTimer.dueAt);
      continue;
    }
    if (nextTimer) continue;
    break;
  }

  if (!started) {
    process.stderr.write(`Nothing started ${definition.processId}: it has no none start event, and no --message or timer started it\n`);
    return EXIT.waiting;
  }
  let instance: InstanceView = started;
  instance = (await engine.getInstance(instance.id)) ?? instance;
  const incidents = (await engine.listIncidents()).map((i) => ({
    elementId: i.elementId,
    type: i.type,
    message: i.message,
  }));
  const outcome: Outcome =
    incidents.length > 0 ? 'incident' : instance.status === 'active' ? 'waiting' : instance.status;
  const instances = [
    instance.id,
    ...(await store.listInstances()).map((i) => i.id).filter((id) => id !== instance.id),
  ];
  const trace = (await Promise.all(instances.map((id) => engine.history(id)))).flat().map(toTrace);
  const openTasks = (await engine.listTasks({ status: 'open' })).map((t) => ({
    id: t.id,
    elementId: t.elementId,
    name: t.name,
    assignee: t.assignee,
  }));
  const waitingJobs = (await engine.listJobs({ status: 'activatable' })).map((j) => ({
    id: j.id,
    elementId: j.elementId,
    type: j.type,
  }));
  const summary = {
    status: outcome,
    processId: definition.processId,
    instanceId: instance.id,
    activeElements: instance.activeElementIds,
    variables: instance.variables,
    incidents,
    openTasks,
    waitingJobs,
    logs,
    trace,
  };

  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const out: string[] = ['', `Trace of ${definition.processId} (${instance.id}):`];
    for (const line of trace) {
      const who = line.instanceId === instance.id ? '' : `[${line.instanceId.slice(0, 8)}] `;
      const element = line.elementId
        ? ` ${line.elementId}${line.elementType ? ` (${line.elementType})` : ''}`
        : '';
      const by = line.by ? ` by ${line.by}` : '';
      // The scope of a flow is noise in a text trace; --json keeps it.
      const { scopeId: _scopeId, ...shown } = line.data ?? {};
      const data = Object.keys(shown).length > 0 ? ` ${JSON.stringify(shown)}` : '';
      out.push(`  ${who}${line.type.padEnd(18)}${element}${by}${data}`);
    }
    out.push('', `Status: ${outcome}`);
    out.push(
      `Active elements: ${summary.activeElements.length > 0 ? summary.activeElements.join(', ') : '-'}`,
    );
    out.push(`Variables: ${JSON.stringify(summary.variables)}`);
    for (const task of openTasks)
      out.push(
        `Open task: ${task.elementId}${task.name ? ` "${task.name}"` : ''} (--complete ${task.elementId}='{…}')`,
      );
    for (const job of waitingJobs)
      out.push(`Waiting job: ${job.elementId} (type ${job.type}, for an external worker)`);
    for (const incident of incidents)
      out.push(`Incident: ${incident.elementId} ${incident.type}: ${incident.message}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return outcome === 'incident'
    ? EXIT.incident
    : outcome === 'waiting'
      ? EXIT.waiting
      : EXIT.completed;
}

async function main(args: readonly string[]): Promise<number> {
  try {
    return await run(parseArguments(args));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof CommandRejected) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(EXIT.usage);
  },
);
