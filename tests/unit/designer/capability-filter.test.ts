import { describe, expect, it } from 'vitest';
import { capabilities as engineCapabilities, capabilityOf, ignoredTypes as engineIgnoredTypes, isExecutable } from '@/engine/capabilities';
import CapabilityFilter from '@/components/bpmn/modules/capabilities/CapabilityFilter';
import { kindsFromEngine, supportsFrom, type EngineCapability } from '@/components/bpmn/modules/capabilities';
import { APPEND_KINDS, PALETTE_KINDS, REPLACE_KINDS } from '@/components/bpmn/modules/capabilities/entry-kinds';

// A fixed capability list, so these tests describe the filter, not today's engine.
const capabilities: EngineCapability[] = [
  { type: 'bpmn:StartEvent', eventDefinitions: ['none'] },
  { type: 'bpmn:EndEvent', eventDefinitions: ['none', 'bpmn:TerminateEventDefinition', 'bpmn:ErrorEventDefinition'] },
  { type: 'bpmn:ExclusiveGateway', eventDefinitions: [] },
  { type: 'bpmn:ParallelGateway', eventDefinitions: [] },
  { type: 'bpmn:UserTask', eventDefinitions: [] },
  { type: 'bpmn:ServiceTask', eventDefinitions: [] },
  { type: 'bpmn:Task', eventDefinitions: [] },
  { type: 'bpmn:SubProcess', eventDefinitions: [] },
];
const ignoredTypes = ['bpmn:DataObjectReference', 'bpmn:Group', 'bpmn:TextAnnotation'];

const EVENT_STARTS = [
  'bpmn:TimerEventDefinition',
  'bpmn:MessageEventDefinition',
  'bpmn:SignalEventDefinition',
  'bpmn:ErrorEventDefinition',
  'bpmn:EscalationEventDefinition',
];
/** The same engine, running event sub-processes with the usual start triggers. */
const withEventSubProcesses: EngineCapability[] = capabilities.map((capability) =>
  capability.type === 'bpmn:SubProcess'
    ? { ...capability, eventSubProcess: true }
    : capability.type === 'bpmn:StartEvent'
      ? { ...capability, eventDefinitions: ['none', ...EVENT_STARTS] }
      : capability,
);

type Entries = Record<string, unknown>;
type Updater = (entries: Entries) => Entries;

/** Runs the filter against recording fakes and returns the middlewares it registered, and what it placed. */
function registeredFilters(engine: EngineCapability[] = capabilities) {
  const registered: {
    palette?: () => Updater;
    contextPad?: (element: unknown) => Updater;
    replace?: () => Updater;
    header?: () => Updater;
    created: unknown[];
  } = { created: [] };
  const supports = supportsFrom(kindsFromEngine(engine, ignoredTypes));
  Reflect.apply(CapabilityFilter, {}, [
    supports,
    { registerProvider: (_: number, p: { getPaletteEntries(): Updater }) => (registered.palette = () => p.getPaletteEntries()) },
    {
      registerProvider: (_: number, p: { getContextPadEntries(e: unknown): Updater }) =>
        (registered.contextPad = (e) => p.getContextPadEntries(e)),
    },
    {
      registerProvider: (
        _: string,
        __: number,
        p: { getPopupMenuEntries(t: unknown): Updater; getPopupMenuHeaderEntries(t: unknown): Updater },
      ) => {
        registered.replace = () => p.getPopupMenuEntries({});
        registered.header = () => p.getPopupMenuHeaderEntries({});
      },
    },
    { createShape: (attrs: { type: string }) => ({ ...attrs, businessObject: {} }) },
    { start: (_: unknown, shapes: unknown) => registered.created.push(shapes) },
    { append: () => undefined },
    (text: string) => text,
  ]);
  return registered;
}

const entries = (...ids: string[]): Entries => Object.fromEntries(ids.map((id) => [id, { id }]));

describe('the palette and menus offer only what the engine executes', () => {
  it('given the engine capability list, the palette keeps executable elements and drops the rest', () => {
    const palette = registeredFilters().palette!()(
      entries(
        'hand-tool',
        'create.start-event',
        'create.intermediate-event',
        'create.end-event',
        'create.exclusive-gateway',
        'create.task',
        'create.data-object',
        'create.subprocess-expanded',
        'create.participant-expanded',
        'create.group',
      ),
    );
    expect(Object.keys(palette)).toEqual([
      'hand-tool',
      'create.start-event',
      'create.end-event',
      'create.exclusive-gateway',
      'create.task',
      'create.user-task',
      'create.service-task',
      'create.data-object',
      'create.subprocess-expanded',
      'create.group',
    ]);
  });

  it('given an event-based follow-up, the context pad drops catch events the engine cannot wait for', () => {
    const pad = registeredFilters().contextPad!({ type: 'bpmn:Task' })(
      entries('append.end-event', 'append.gateway', 'append.append-task', 'append.intermediate-event', 'append.timer-intermediate-event', 'replace', 'delete'),
    );
    expect(Object.keys(pad)).toEqual(
      expect.arrayContaining(['append.end-event', 'append.gateway', 'append.append-task', 'append.user-task', 'replace', 'delete']),
    );
    expect(pad).not.toHaveProperty('append.intermediate-event');
    expect(pad).not.toHaveProperty('append.timer-intermediate-event');
  });

  it('the replace menu turns a task only into kinds the engine runs, and keeps flow variants', () => {
    const menu = registeredFilters().replace!()(
      entries(
        'replace-with-user-task',
        'replace-with-service-task',
        'replace-with-receive-task',
        'replace-with-rule-task',
        'replace-with-message-start',
        'replace-with-none-start',
        'replace-with-terminate-end',
        'replace-with-parallel-gateway',
        'replace-with-complex-gateway',
        'replace-with-conditional-flow',
        'replace-with-default-flow',
      ),
    );
    expect(Object.keys(menu).sort()).toEqual(
      [
        'replace-with-user-task',
        'replace-with-service-task',
        'replace-with-none-start',
        'replace-with-terminate-end',
        'replace-with-parallel-gateway',
        'replace-with-conditional-flow',
        'replace-with-default-flow',
      ].sort(),
    );
  });

  it('when the engine adds an element kind, the menus offer it without a change here', () => {
    const supports = supportsFrom(
      kindsFromEngine([...capabilities, { type: 'bpmn:ReceiveTask', eventDefinitions: [] }], ignoredTypes),
    );
    expect(supports({ type: 'bpmn:ReceiveTask' })).toBe(true);
    expect(supportsFrom(kindsFromEngine(capabilities, ignoredTypes))({ type: 'bpmn:ReceiveTask' })).toBe(false);
  });

  it('loop markers are offered only when the engine runs them', () => {
    const header = registeredFilters().header!()(entries('toggle-loop', 'toggle-parallel-mi', 'toggle-sequential-mi'));
    expect(Object.keys(header)).toEqual([]);
  });

  it("with the engine's own list, the modeler offers exactly what the engine says it executes", () => {
    const supports = supportsFrom(kindsFromEngine(engineCapabilities, engineIgnoredTypes));
    for (const kind of [...Object.values(PALETTE_KINDS), ...Object.values(APPEND_KINDS)]) {
      const documentation = ['bpmn:TextAnnotation', 'bpmn:Group'].includes(kind.type);
      const runs = isExecutable(kind.type, kind.eventDefinitionType ?? null) || engineIgnoredTypes.includes(kind.type);
      expect(supports(kind), kind.type).toBe(runs || documentation);
    }
  });

  it("with the engine's own list, the replace menu offers exactly what the engine says it executes", () => {
    const supports = supportsFrom(kindsFromEngine(engineCapabilities, engineIgnoredTypes));
    for (const [action, kind] of Object.entries(REPLACE_KINDS)) {
      const runs = kind.triggeredByEvent
        ? capabilityOf(kind.type)?.eventSubProcess === true
        : isExecutable(kind.type, kind.eventDefinitionType ?? null) || engineIgnoredTypes.includes(kind.type);
      expect(supports(kind), action).toBe(runs);
    }
  });
});

describe('event sub-processes', () => {
  const subProcessMenu = [
    'replace-with-transaction',
    'replace-with-event-subprocess',
    'replace-with-ad-hoc-subprocess',
    'replace-with-collapsed-subprocess',
  ];

  it('given an engine that runs them, the replace menu turns a sub-process into an event sub-process', () => {
    const menu = registeredFilters(withEventSubProcesses).replace!()(entries(...subProcessMenu));
    expect(Object.keys(menu)).toEqual(['replace-with-event-subprocess', 'replace-with-collapsed-subprocess']);
  });

  it('given an engine that does not run them, the replace menu keeps them hidden', () => {
    const menu = registeredFilters().replace!()(entries(...subProcessMenu));
    expect(Object.keys(menu)).toEqual(['replace-with-collapsed-subprocess']);
  });

  it("inside an event sub-process, a start event becomes any trigger the engine runs, interrupting or not, and nothing else", () => {
    const menu = registeredFilters(withEventSubProcesses).replace!()(
      entries(
        'replace-with-message-start',
        'replace-with-timer-start',
        'replace-with-conditional-start',
        'replace-with-signal-start',
        'replace-with-error-start',
        'replace-with-escalation-start',
        'replace-with-compensation-start',
        'replace-with-non-interrupting-message-start',
        'replace-with-non-interrupting-timer-start',
        'replace-with-non-interrupting-conditional-start',
        'replace-with-non-interrupting-signal-start',
        'replace-with-non-interrupting-escalation-start',
      ),
    );
    expect(Object.keys(menu)).toEqual([
      'replace-with-message-start',
      'replace-with-timer-start',
      'replace-with-signal-start',
      'replace-with-error-start',
      'replace-with-escalation-start',
      'replace-with-non-interrupting-message-start',
      'replace-with-non-interrupting-timer-start',
      'replace-with-non-interrupting-signal-start',
      'replace-with-non-interrupting-escalation-start',
    ]);
  });

  it('the palette offers an event sub-process right after the sub-process, placed with a timer start inside', () => {
    const filters = registeredFilters(withEventSubProcesses);
    const palette = filters.palette!()(entries('create.task', 'create.subprocess-expanded', 'create.group'));
    expect(Object.keys(palette)).toEqual([
      'create.task',
      'create.user-task',
      'create.service-task',
      'create.subprocess-expanded',
      'create.event-subprocess-expanded',
      'create.group',
    ]);
    const entry = palette['create.event-subprocess-expanded'] as { action: { click(event: unknown): void } };
    entry.action.click({});
    expect(filters.created).toEqual([
      [
        expect.objectContaining({ type: 'bpmn:SubProcess', isExpanded: true, triggeredByEvent: true }),
        expect.objectContaining({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' }),
      ],
    ]);
    expect(Object.keys(registeredFilters().palette!()(entries('create.subprocess-expanded')))).toEqual([
      'create.subprocess-expanded',
    ]);
  });
});
