import path from 'node:path';
import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';

const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** A gateway with no default: without `amount` no flow can be taken, which is an incident. */
const ROUTING = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Routing" targetNamespace="http://baton.dev/e2e">
  <bpmn:process id="e2e-routing" name="Routing check" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="Route" name="Large?"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing><bpmn:outgoing>F3</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="Large" name="Large"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="Small" name="Small"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Route" />
    <bpmn:sequenceFlow id="F2" sourceRef="Route" targetRef="Large"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=amount &gt; 100</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F3" sourceRef="Route" targetRef="Small"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=amount &lt;= 100</bpmn:conditionExpression></bpmn:sequenceFlow>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="e2e-routing">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Route_di" bpmnElement="Route" isMarkerVisible="true"><dc:Bounds x="245" y="95" width="50" height="50" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Large_di" bpmnElement="Large"><dc:Bounds x="362" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Small_di" bpmnElement="Small"><dc:Bounds x="362" y="202" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="188" y="120" /><di:waypoint x="245" y="120" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="295" y="120" /><di:waypoint x="362" y="120" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="F3_di" bpmnElement="F3"><di:waypoint x="270" y="145" /><di:waypoint x="270" y="220" /><di:waypoint x="362" y="220" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

test.use({ storageState: storageStateFor('designer') });

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, storageState: storageStateFor('designer') });
  const imported = await request.post('/api/v1/processes/import', { data: { xml: ROUTING, replace: true } });
  expect(imported.status()).toBe(201);
  const { revision } = (await imported.json()) as { revision: number };
  expect((await request.post('/api/v1/processes/e2e-routing/deploy', { data: { revision } })).status()).toBe(201);
  await request.dispose();
});

test('an operator fixes a variable and retries an incident from the instance page', async ({ page, request }) => {
  const started = await request.post('/api/v1/instances', { data: { processId: 'e2e-routing', values: {} } });
  expect(started.status()).toBe(201);
  const { id } = (await started.json()) as { id: string };

  await page.goto('/instances?state=incident');
  await expect(page.getByRole('link', { name: 'Routing check' }).first()).toBeVisible();
  await page.goto(`/instances/${id}`);
  const incidents = page.getByRole('region', { name: 'Incidents' });
  await expect(incidents).toContainText('Route');
  await expect(page.getByTestId('instance-diagram').locator('[data-element-id="Route"].baton-failed')).toHaveCount(1);
  await page.screenshot({ path: `${shots}/instance-incident.png`, fullPage: true });

  await incidents.getByLabel(/Set variables before retrying/).fill('{"amount": 250}');
  await incidents.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('region', { name: 'Incidents' })).toHaveCount(0);
  await expect(page.getByText('Completed', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('instance-diagram').locator('[data-element-id="Large"].baton-done')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Incident resolved');
  await page.screenshot({ path: `${shots}/instance-retried.png`, fullPage: true });
});

test('an operator cancels a running instance with a reason, which the history records', async ({ page, request }) => {
  const started = await request.post('/api/v1/instances', { data: { processId: 'e2e-routing', values: {} } });
  expect(started.status()).toBe(201);
  const { id } = (await started.json()) as { id: string };
  await page.goto(`/instances/${id}`);
  await page.getByRole('button', { name: 'Cancel instance…' }).click();
  await page.getByLabel('Why cancel this instance?').fill('Duplicate of another request');
  await page.getByRole('button', { name: 'Cancel instance', exact: true }).click();
  await expect(page.getByText('Terminated', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Duplicate of another request');
});

test('members cannot open the instances section', async ({ browser }) => {
  const member = await browser.newPage({ storageState: storageStateFor('member') });
  const response = await member.goto('/instances');
  expect(response?.status()).toBe(403);
});
