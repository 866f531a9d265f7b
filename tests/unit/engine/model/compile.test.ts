import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, compileAll } from '@/engine/model';
import { fixture, textLike } from '../support/given';

const corpus = path.resolve(import.meta.dirname, '../../../../../shared/corpus/camunda8');
const corpusFiles = (() => {
  try {
    return readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.bpmn'));
  } catch {
    return [];
  }
})();

describe('compile', () => {
  it('builds an indexed graph with zeebe extension data', async () => {
    const result = await compile(fixture('purchase-request'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { graph } = result;
    expect(graph.processId).toBe('purchase');
    expect(graph.name).toBe('Purchase request');
    expect(graph.startEvents.map((start) => start.id)).toEqual(['start']);
    expect(graph.elements.get('needsReview')?.outgoing).toEqual(['large', 'small']);
    expect(graph.elements.get('needsReview')?.defaultFlowId).toBe('small');
    expect(graph.flows.get('large')?.condition?.text).toBe('amount > 1000');
    const prepare = graph.elements.get('prepare');
    expect(prepare?.zeebe.taskDefinition?.type).toMatchObject({ kind: 'literal', value: 'prepare' });
    expect(prepare?.zeebe.taskHeaders).toEqual({ channel: 'web' });
    const review = graph.elements.get('review');
    expect(review?.zeebe.userTask).toBe(true);
    expect(review?.zeebe.assignment?.assignee).toMatchObject({ kind: 'feel', text: 'manager' });
    expect(review?.zeebe.form?.formId).toBe('review-form');
  });

  it('lists every problem at once, each with its element id', async () => {
    const result = await compile(fixture('many-problems'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byElement = result.problems.map((problem) => `${problem.elementId}: ${problem.message}`);
    expect(byElement).toEqual(
      expect.arrayContaining([
        textLike(/^timer: Unsupported element: bpmn:IntermediateCatchEvent with bpmn:ConditionalEventDefinition/),
        textLike(/^noType: Expected the service task to have a zeebe:taskDefinition/),
        textLike(/^withoutCondition: Expected the flow out of exclusive gateway 'route' to have a condition/),
        textLike(/^badFeel: .*'=amount >' cannot be parsed/),
        textLike(/^toNowhere: Expected the sequence flow to connect/),
        textLike(/^broken: Expected the process to have a start event/),
      ]),
    );
  });

  it('refuses execution and task listeners at their element instead of deploying them to be ignored', async () => {
    const result = await compile(`<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="review">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners>
        <zeebe:taskListeners><zeebe:taskListener eventType="completing" type="check" /></zeebe:taskListeners>
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { elementId: 'review', message: 'Unsupported extension: execution listeners are not run by Baton; remove them' },
        { elementId: 'review', message: 'Unsupported extension: task listeners are not run by Baton; remove them' },
      ],
    });
  });

  it('rejects a cycle with no wait state and no conditional exit', async () => {
    const result = await compile(fixture('cycle-without-exit'));
    expect(result).toMatchObject({ ok: false, problems: [{ elementId: 'spinA', message: textLike(/spinA → spinB.*never end/) }] });
  });

  it('accepts a loop that exits on a condition', async () => {
    expect((await compile(fixture('loop-until-condition'))).ok).toBe(true);
  });

  it('answers malformed XML with line and column', async () => {
    const result = await compile('<?xml version="1.0"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <bpmn:process id="p">\n    <bpmn:task id="t"></bpmn:process>\n</bpmn:definitions>');
    expect(result).toMatchObject({ ok: false, problems: [{ elementId: null, line: 4, column: 23, message: textLike('line 4') }] });
  });

  it('compiles every executable process of a collaboration file', async () => {
    const result = await compileAll(fixture('call-activity'));
    expect(result.ok && result.graphs.map((graph) => graph.processId)).toEqual(['parentProcess', 'childProcess']);
  });

  it('reads the Baton approval extension', async () => {
    const xml = fixture('purchase-request').replace(
      '<zeebe:userTask />',
      '<zeebe:userTask /><baton:approval amount="=amount" currency="EUR" policy="first-qualified" selfAuthority="true" expiry="P7D" />',
    );
    const result = await compile(xml);
    expect(result.ok && result.graph.elements.get('review')?.approval).toMatchObject({
      amount: { kind: 'feel', text: 'amount' },
      currency: 'EUR',
      policy: 'first-qualified',
      selfAuthority: true,
      expiry: 'P7D',
    });
  });

  describe.skipIf(corpusFiles.length === 0)('the Camunda 8 corpus', () => {
    it.each(corpusFiles)('%s compiles, or is rejected with element ids', async (file) => {
      const result = await compile(readFileSync(path.join(corpus, file), 'utf8'));
      if (result.ok) {
        expect(result.graph.elements.size).toBeGreaterThan(1);
      } else {
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(problem.elementId).toEqual(expect.any(String));
          expect(problem.message).toMatch(/^(Expected|Unsupported (element|extension))/);
        }
      }
    });
  });
});
