import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import { describe, expect, it } from 'vitest';
import { EngineProblems, lintingConfig } from '@/components/bpmn/modules/linting';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" name="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="gw" name="Big?"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>yes</bpmn:outgoing><bpmn:outgoing>no</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="a" name="A"><bpmn:incoming>yes</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="b" name="B"><bpmn:incoming>no</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
    <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="a"><bpmn:conditionExpression>=amount &gt; 100</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="no" sourceRef="gw" targetRef="b" />
  </bpmn:process>
</bpmn:definitions>`;

type Reports = Record<string, { id: string; message: string; category: string }[]>;

async function lint(problems: EngineProblems): Promise<Reports> {
  const { rootElement } = await BpmnModdle().fromXML(xml);
  const linter = new Linter(lintingConfig(problems).bpmnlint);
  return (await linter.lint(rootElement)) as Reports;
}

describe('live validation', () => {
  it("given a gateway flow without condition, bpmnlint's recommended rules report it at the flow", async () => {
    const reports = await lint(new EngineProblems());
    expect(reports['conditional-flows']).toEqual([
      expect.objectContaining({ id: 'no', message: 'Sequence flow is missing condition', category: 'error' }),
    ]);
    expect(reports['baton/engine'] ?? []).toEqual([]);
  });

  it("the engine's problems are reported at their elements, and general ones at the diagram", async () => {
    const problems = new EngineProblems();
    problems.set([
      { elementId: 'no', message: 'Expected a condition' },
      { elementId: null, message: 'Expected something of the whole diagram' },
      { elementId: 'gone', message: 'About an element deleted meanwhile' },
    ]);
    const reports = await lint(problems);
    expect(reports['baton/engine']).toEqual([
      expect.objectContaining({ id: 'no', message: 'Expected a condition', category: 'error' }),
      expect.objectContaining({ id: 'Definitions_1', message: 'Expected something of the whole diagram' }),
      expect.objectContaining({ id: 'Definitions_1', message: 'gone: About an element deleted meanwhile' }),
    ]);
  });
});
