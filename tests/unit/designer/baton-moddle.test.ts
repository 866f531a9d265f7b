import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { moddleExtensions } from '@/components/bpmn/moddle-extensions';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="http://baton.dev/schema/bpmn/1.0" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:userTask id="approve" name="Approve">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <baton:approval amount="=amount" currency="EUR" policy="first-qualified" selfAuthority="true" fallbackApprover="finance" reminder="P2D" escalation="P5D" expiry="P14D" />
      </bpmn:extensionElements>
    </bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>`;

interface Element {
  $type: string;
  [key: string]: unknown;
}

describe("Baton's moddle descriptor, shared by the modeler and the engine", () => {
  it('given a user task with baton:approval, bpmn-moddle reads every approval setting with its type', async () => {
    const { rootElement, warnings } = await BpmnModdle(moddleExtensions).fromXML(xml);
    expect(warnings).toEqual([]);
    const process = (rootElement.rootElements as Element[])[0]!;
    const task = (process.flowElements as Element[])[0]!;
    const values = (task.extensionElements as { values: Element[] }).values;
    const approval = values.find((value) => value.$type === 'baton:Approval');
    expect(approval).toMatchObject({
      amount: '=amount',
      currency: 'EUR',
      policy: 'first-qualified',
      selfAuthority: true,
      fallbackApprover: 'finance',
      reminder: 'P2D',
      escalation: 'P5D',
      expiry: 'P14D',
    });
    expect(values.map((value) => value.$type)).toEqual(['zeebe:UserTask', 'baton:Approval']);
  });

  it('writes baton:approval back with every setting', async () => {
    const moddle = BpmnModdle(moddleExtensions) as unknown as {
      fromXML(xml: string): Promise<{ rootElement: Element }>;
      toXML(element: Element): Promise<{ xml: string }>;
    };
    const { rootElement } = await moddle.fromXML(xml);
    const { xml: written } = await moddle.toXML(rootElement);
    const approval = /<baton:approval [^>]*\/>/.exec(written)?.[0] ?? '';
    for (const attribute of [
      'amount="=amount"',
      'currency="EUR"',
      'policy="first-qualified"',
      'selfAuthority="true"',
      'fallbackApprover="finance"',
      'reminder="P2D"',
      'escalation="P5D"',
      'expiry="P14D"',
    ]) {
      expect(approval).toContain(attribute);
    }
  });
});
