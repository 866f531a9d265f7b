import type { ElementKind, Supports } from './element-kind';
import { APPEND_KINDS, FLOW_ACTIONS, HEADER_KINDS, PALETTE_KINDS, REPLACE_KINDS } from './entry-kinds';

type Entries = Record<string, unknown>;
type Shape = { type: string; businessObject: unknown };

interface Palette {
  registerProvider(priority: number, provider: { getPaletteEntries(): (entries: Entries) => Entries }): void;
}
interface ContextPad {
  registerProvider(
    priority: number,
    provider: { getContextPadEntries(element: Shape): (entries: Entries) => Entries },
  ): void;
}
interface PopupMenu {
  registerProvider(
    id: string,
    priority: number,
    provider: {
      getPopupMenuEntries(target: unknown): (entries: Entries) => Entries;
      getPopupMenuHeaderEntries(target: unknown): (entries: Entries) => Entries;
    },
  ): void;
}
interface ElementFactory {
  createShape(attrs: { type: string; [attribute: string]: unknown }): Shape;
}
interface Create {
  start(
    event: Event,
    shape: Shape | Shape[],
    context?: { source?: Shape; hints?: { autoSelect?: Shape[] } },
  ): void;
}
interface AutoPlace {
  append(source: Shape, shape: Shape): void;
}
type Translate = (text: string) => string;

const LOW_PRIORITY = 500;

/** The trigger a new event sub-process starts with; the designer changes it through the replace menu. */
const EVENT_SUB_PROCESS_START = { type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' };

/**
 * Keeps the palette, the context pad and the replace menu to what the engine
 * executes, so a designer cannot draw an element that deploys and then does
 * nothing. Also offers user and service tasks directly, since those are what
 * business processes are made of, and event sub-processes when the engine
 * runs them.
 */
export default function CapabilityFilter(
  this: unknown,
  batonSupports: Supports,
  palette: Palette,
  contextPad: ContextPad,
  popupMenu: PopupMenu,
  elementFactory: ElementFactory,
  create: Create,
  autoPlace: AutoPlace,
  translate: Translate,
) {
  const keep = (kinds: Record<string, ElementKind>) => (entries: Entries) =>
    Object.fromEntries(
      Object.entries(entries).filter(([id]) => {
        const kind = kinds[id];
        return kind === undefined || batonSupports(kind);
      }),
    );

  const taskEntries = (
    make: (type: string) => { click: (event: Event) => void; dragstart: (event: Event) => void },
    group: string,
    prefix: string,
  ): Entries => {
    const entries: Entries = {};
    const tasks: [string, string, string][] = [
      ['bpmn:UserTask', 'user-task', 'bpmn-icon-user-task'],
      ['bpmn:ServiceTask', 'service-task', 'bpmn-icon-service-task'],
    ];
    for (const [type, name, className] of tasks) {
      if (!batonSupports({ type })) continue;
      entries[`${prefix}.${name}`] = {
        group,
        className,
        title: translate(type === 'bpmn:UserTask' ? 'User task' : 'Service task'),
        action: make(type),
      };
    }
    return entries;
  };

  /** An expanded event sub-process with its start event, placed as one, like bpmn-js's sub-process entry. */
  const eventSubProcessEntry = (): Entries => {
    if (!batonSupports({ type: 'bpmn:SubProcess', triggeredByEvent: true }) || !batonSupports(EVENT_SUB_PROCESS_START)) {
      return {};
    }
    const start = (event: Event) => {
      const subProcess = elementFactory.createShape({
        type: 'bpmn:SubProcess',
        x: 0,
        y: 0,
        isExpanded: true,
        triggeredByEvent: true,
      });
      const startEvent = elementFactory.createShape({ ...EVENT_SUB_PROCESS_START, x: 40, y: 82, parent: subProcess });
      create.start(event, [subProcess, startEvent], { hints: { autoSelect: [subProcess] } });
    };
    return {
      'create.event-subprocess-expanded': {
        group: 'activity',
        className: 'bpmn-icon-event-subprocess-expanded',
        title: translate('Create event sub-process'),
        action: { click: start, dragstart: start },
      },
    };
  };

  palette.registerProvider(LOW_PRIORITY, {
    getPaletteEntries() {
      return (entries) => {
        const kept = keep(PALETTE_KINDS)(entries);
        const result: Entries = {};
        // Insert the task shortcuts right after the generic task.
        for (const [id, entry] of Object.entries(kept)) {
          result[id] = entry;
          if (id === 'create.task') {
            Object.assign(
              result,
              taskEntries(
                (type) => {
                  const start = (event: Event) => create.start(event, elementFactory.createShape({ type }));
                  return { click: start, dragstart: start };
                },
                'activity',
                'create',
              ),
            );
          }
          if (id === 'create.subprocess-expanded') Object.assign(result, eventSubProcessEntry());
        }
        return result;
      };
    },
  });

  contextPad.registerProvider(LOW_PRIORITY, {
    getContextPadEntries(element) {
      return (entries) => {
        const kept = keep(APPEND_KINDS)(entries);
        if (!('append.append-task' in entries)) return kept;
        return {
          ...kept,
          ...taskEntries(
            (type) => ({
              click: () => autoPlace.append(element, elementFactory.createShape({ type })),
              dragstart: (event: Event) =>
                create.start(event, elementFactory.createShape({ type }), { source: element }),
            }),
            'model',
            'append',
          ),
        };
      };
    },
  });

  popupMenu.registerProvider('bpmn-replace', LOW_PRIORITY, {
    getPopupMenuEntries() {
      return (entries) =>
        Object.fromEntries(
          Object.entries(entries).filter(([id]) => {
            if (FLOW_ACTIONS.has(id)) return true;
            const kind = REPLACE_KINDS[id];
            return kind === undefined || batonSupports(kind);
          }),
        );
    },
    getPopupMenuHeaderEntries() {
      return keep(HEADER_KINDS);
    },
  });
}

CapabilityFilter.$inject = [
  'batonSupports',
  'palette',
  'contextPad',
  'popupMenu',
  'elementFactory',
  'create',
  'autoPlace',
  'translate',
];
