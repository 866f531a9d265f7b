/**
 * A generated diagram of exactly `elements` shapes and connections, laid out
 * as a snake of rows: a start event, alternating service and user tasks, an
 * exclusive gateway that loops back to the first task on a condition or ends.
 * It is a valid Baton process, so the editor's live validation has real work.
 */
const WIDTH = 100;
const HEIGHT = 80;
const STEP_X = 160;
const STEP_Y = 140;
const PER_ROW = 16;

interface Node {
  id: string;
  xml: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export function largeDiagram(elements: number): { xml: string; processId: string } {
  // n nodes in a chain have n - 1 flows (the gateway's exit among them); the loop-back makes n: 2n elements.
  const nodes = Math.floor(elements / 2);
  const tasks = nodes - 3;
  const processId = `bench-large-${elements}`;
  const list: Node[] = [];
  const place = (i: number, w: number, h: number) => {
    const row = Math.floor(i / PER_ROW);
    const col = row % 2 === 0 ? i % PER_ROW : PER_ROW - 1 - (i % PER_ROW);
    return {
      x: 100 + col * STEP_X + (WIDTH - w) / 2,
      y: 100 + row * STEP_Y + (HEIGHT - h) / 2,
      w,
      h,
    };
  };
  list.push({
    id: 'start',
    xml: '<bpmn:startEvent id="start" name="Start" />',
    ...place(0, 36, 36),
  });
  for (let t = 1; t <= tasks; t++) {
    const id = `task${t}`;
    const xml =
      t % 2 === 1
        ? `<bpmn:serviceTask id="${id}" name="Service ${t}"><bpmn:extensionElements><zeebe:taskDefinition type="log" /></bpmn:extensionElements></bpmn:serviceTask>`
        : `<bpmn:userTask id="${id}" name="Review ${t}"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition assignee="demo" /></bpmn:extensionElements></bpmn:userTask>`;
    list.push({ id, xml, ...place(t, WIDTH, HEIGHT) });
  }
  list.push({
    id: 'again',
    xml: '<bpmn:exclusiveGateway id="again" name="Again?" default="exit" />',
    ...place(tasks + 1, 50, 50),
  });
  list.push({
    id: 'end',
    xml: '<bpmn:endEvent id="end" name="End" />',
    ...place(tasks + 2, 36, 36),
  });

  const flows: Array<{ id: string; from: Node; to: Node; condition?: string }> = [];
  for (let i = 0; i + 1 < list.length; i++) {
    flows.push({
      id: i + 1 === list.length - 1 ? 'exit' : `flow${i}`,
      from: list[i]!,
      to: list[i + 1]!,
    });
  }
  flows.push({
    id: 'loop',
    from: list[list.length - 2]!,
    to: list[1]!,
    condition: '=repeat = true',
  });

  const semantic = [
    ...list.map((node) => node.xml),
    ...flows.map((flow) =>
      flow.condition
        ? `<bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.from.id}" targetRef="${flow.to.id}"><bpmn:conditionExpression>${flow.condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`
        : `<bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.from.id}" targetRef="${flow.to.id}" />`,
    ),
  ];
  const centre = (n: Node) => ({ x: n.x + n.w / 2, y: n.y + n.h / 2 });
  const shapes = list.map(
    (n) =>
      `<bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"><dc:Bounds x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" /></bpmndi:BPMNShape>`,
  );
  const edges = flows.map((flow) => {
    const a = centre(flow.from);
    const b = centre(flow.to);
    const points =
      flow.id === 'loop'
        ? [a, { x: a.x, y: 40 }, { x: b.x, y: 40 }, b]
        : a.y === b.y
          ? [a, b]
          : [a, { x: a.x, y: b.y }, b];
    return `<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">${points.map((p) => `<di:waypoint x="${p.x}" y="${p.y}" />`).join('')}</bpmndi:BPMNEdge>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="${processId}-definitions" targetNamespace="http://baton.dev/bench">
  <bpmn:process id="${processId}" name="Generated, ${elements} elements" isExecutable="true">
    ${semantic.join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="${processId}">
    ${[...shapes, ...edges].join('\n    ')}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  return { xml, processId };
}
