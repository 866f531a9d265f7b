/**
 * Designer: a generated 500-element diagram opened in the editor in Chromium,
 * timed from navigation start to every element drawn on the canvas, and the
 * JavaScript each route loads (the editor's bpmn-js must stay out of the
 * inbox). Runs against the production build with a fresh demo database.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { startAppServer, missingBuild } from '../support/app-server';
import { millis } from '../support/format';
import { largeDiagram } from '../support/large-diagram';
import { median } from '../support/measure';
import { row, type ResultRow, type Section } from '../support/section';

const ELEMENTS = 500;
const WARMUP = 1;
const ROUNDS = 7;
const TARGET_MS = 1500;
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** A class name only diagram-js (the canvas under bpmn-js) puts in its code: its presence means the editor's code shipped. */
const DIAGRAM_JS_MARKER = 'djs-container';

async function signIn(page: Page, base: string): Promise<void> {
  const designer = DEMO_ACCOUNTS.find((account) => account.role === 'designer');
  if (!designer) throw new Error('Expected a demo account with the designer role');
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(designer.email);
  await page.getByLabel('Password').fill(process.env.BATON_DEMO_PASSWORD ?? 'baton-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/inbox$/);
}

/** Milliseconds from navigation start until `count` diagram elements are on the canvas. */
async function openEditor(page: Page, url: string, count: number): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (expected) => {
      const drawn = document.querySelectorAll(
        '[data-testid="bpmn-canvas"] .djs-element:not(.djs-root)',
      ).length;
      return drawn >= expected ? performance.now() : 0;
    },
    count,
    { timeout: 60_000, polling: 'raf' },
  );
  return handle.jsonValue();
}

/** Script bytes a cold load of the route fetches, and whether any of it is diagram-js. */
async function routeScripts(
  browser: Browser,
  storage: Awaited<ReturnType<ReturnType<Page['context']>['storageState']>>,
  url: string,
) {
  const context = await browser.newContext({ storageState: storage });
  const page = await context.newPage();
  const bodies: Array<Promise<Buffer | null>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      bodies.push(response.body().catch(() => null));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const scripts = (await Promise.all(bodies)).filter((body): body is Buffer => body !== null);
  await context.close();
  const bytes = scripts.reduce((sum, body) => sum + body.length, 0);
  const hasEditor = scripts.some((body) => body.includes(DIAGRAM_JS_MARKER));
  return { bytes, files: scripts.length, hasEditor };
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;

export const designerSection: Section = {
  name: 'designer',
  title: `Designer: import and render a generated ${ELEMENTS}-element diagram in Chromium`,
  defaultOn: true,
  async run() {
    const notes = [
      `The diagram (bench/support/large-diagram.ts) has ${ELEMENTS} shapes and connections: a start event, alternating service and user tasks, a looping gateway, an end event.`,
      `Time: navigation start of the editor route (/processes/<id>) to all ${ELEMENTS} elements drawn, so it includes the server render and the route's JavaScript (from the browser cache after the first load) on top of bpmn-js importXML and rendering; median and max of ${ROUNDS} loads after ${WARMUP} warm-up.`,
      'Server: `next start` on the existing production build, a fresh embedded database seeded with the demo data, signed in as the demo designer; the diagram is imported through POST /api/v1/processes/import as the processes page does.',
    ];
    const missing = missingBuild();
    if (missing) return { rows: [], notes: [...notes, `Not measured: ${missing}.`] };

    const server = await startAppServer();
    const browser = await chromium.launch({
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await signIn(page, server.url);
      const { xml } = largeDiagram(ELEMENTS);
      const imported = await page.request.post(`${server.url}/api/v1/processes/import`, {
        data: { xml, replace: true },
      });
      if (!imported.ok())
        throw new Error(
          `Expected the import to succeed, but it answered ${imported.status()}: ${await imported.text()}`,
        );
      const { processId } = (await imported.json()) as { processId: string };
      const editorUrl = `${server.url}/processes/${encodeURIComponent(processId)}`;

      const times: number[] = [];
      for (let i = 0; i < WARMUP + ROUNDS; i++) {
        const ms = await openEditor(page, editorUrl, ELEMENTS);
        if (i >= WARMUP) times.push(ms);
      }
      const storage = await context.storageState();
      const editor = await routeScripts(browser, storage, editorUrl);
      const inbox = await routeScripts(browser, storage, `${server.url}/inbox`);
      const processes = await routeScripts(browser, storage, `${server.url}/processes`);

      const typical = median(times);
      const rows: ResultRow[] = [
        row({
          measurement: `Editor: open a ${ELEMENTS}-element diagram (navigation → all elements drawn)`,
          value: millis(typical),
          detail: `max ${millis(Math.max(...times))} over ${ROUNDS} loads`,
          target: `< ${millis(TARGET_MS)}`,
          verdict: typical < TARGET_MS ? 'met' : 'missed',
        }),
        row({
          measurement: 'JavaScript of the editor route (cold load)',
          value: kib(editor.bytes),
          detail: `${editor.files} files, diagram-js ${editor.hasEditor ? 'present' : 'absent'}`,
          reference: `inbox ${kib(inbox.bytes)}, processes list ${kib(processes.bytes)}`,
          ratio: `${(editor.bytes / Math.max(1, inbox.bytes)).toFixed(1)}× the inbox`,
        }),
        row({
          measurement: 'JavaScript of the inbox route (cold load)',
          value: kib(inbox.bytes),
          detail: `${inbox.files} files`,
          target: 'no bpmn-js code',
          verdict: inbox.hasEditor ? 'missed' : 'met',
        }),
      ];
      await context.close();
      return { rows, notes };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
