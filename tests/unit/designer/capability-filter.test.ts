import { describe, expect, it } from 'vitest';
import { capabilities as engineCapabilities, ignoredTypes as engineIgnoredTypes, isExecutable } from '@/engine/capabilities';
import CapabilityFilter from '@/components/bpmn/modules/capabilities/CapabilityFilter';
import { kindsFromEngine, supportsFrom, type EngineCapability } from '@/components/bpmn/modules/capabilities';
import { APPEND_KINDS, PALETTE_KINDS } from '@/components/bpmn/modules/capabilities/entry-kinds';

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

type Entries = Record<string, unknown>;
type Updater = (entries: Entries) => Entries;

/** Runs the filter against recording fakes and returns the middlewares it registered. */
function registeredFilters() {
  const registered: {
    palette?: () => Updater;
    contextPad?: (element: unknown) => Updater;
    replace?: () => Updater;
    header?: () => Updater;
  } = {};
  const supports = supportsFrom(kindsFromEngine(capabilities, ignoredTypes));
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
    { start: () => undefined },
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
});
