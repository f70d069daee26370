/**
 * Browser end-to-end tests (`npm run test:e2e`): builds and serves the preview, drives
 * it in Debian's chromium through playwright-core, and checks what a learner would see:
 * every registered model built from the task pane, computed cells equal to the core,
 * edits that recompute, custom functions typed into cells, and no request leaving the
 * machine. Prints one line per test and a final "e2e: N passed, N failed".
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildPreview, servePreview } from '../../tools/preview.mjs';
import {
  expectedValue,
  inputFeeding,
  isCheckCell,
  loadProject,
  paramsFrom,
  sampleTracedCells,
} from './expected.mjs';
import { chineseScenario } from './chinese.mjs';
import { buildFromPane } from './pane.mjs';
import { practiceScenario } from './practice.mjs';
import { learnerScenario } from './learner.mjs';
import { spreadsheetScenario } from './spreadsheet.mjs';
import { checkExcelScenario } from './check-excel.mjs';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = path.join(root, 'test-output/e2e');
const TOLERANCE = 1e-9;

if (!existsSync(CHROMIUM)) {
  console.error(
    `e2e: Debian's chromium is not installed (${CHROMIUM} is missing); install it with: apt-get install -y chromium`,
  );
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

const results = [];
// While working on one scenario: E2E_ONLY='practice|learner' runs only the tests whose
// name matches (later tests may rely on sheets an earlier one built; include those too).
const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;
async function test(name, fn) {
  if (only && !only.test(name)) return;
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name}`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(
      `not ok - ${name}\n    ${String(e instanceof Error ? e.message : e).replace(/\n/g, '\n    ')}`,
    );
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function close(got, want, what) {
  assert(
    typeof got === 'number' && Math.abs(got - want) <= TOLERANCE,
    `${what}: grid shows ${got}, core gives ${want}`,
  );
}

// --- grid helpers: everything goes through the page as a person would use it --------

async function gotoCell(page, address) {
  const nameBox = page.getByLabel('Name box');
  await nameBox.fill(address);
  await nameBox.press('Enter');
  const cell = page.locator(`.scroller [data-address="${address}"]`);
  await cell.waitFor({ state: 'attached', timeout: 5000 });
  return cell;
}

async function readCell(page, address) {
  const cell = await gotoCell(page, address);
  const raw = await cell.getAttribute('data-value');
  const n = Number(raw);
  return raw !== '' && Number.isFinite(n) ? n : raw;
}

async function typeInCell(page, address, text) {
  const cell = await gotoCell(page, address);
  await cell.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function activeSheet(page) {
  return page.locator('.sheet-tab.active').innerText();
}

// --- the run --------------------------------------------------------------------------

const project = await loadProject();
const { registry, a1 } = project;
const available = registry.availableModels();
const order = project.modelOrder ?? available.map((s) => s.id);
const specs = order.map((id) => available.find((s) => s.id === id)).filter(Boolean);

console.log('e2e: building the preview bundle…');
await buildPreview({ mode: 'production' });
const { server, url } = await servePreview({ port: 0 });
mkdirSync(OUT_DIR, { recursive: true });
const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1440, height: 860 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

// A learner's workbook never leaves the machine: anything not on localhost is refused and recorded.
const outside = [];
await context.route('**/*', (route) => {
  const u = new URL(route.request().url());
  if (
    u.protocol === 'data:' ||
    u.protocol === 'blob:' ||
    u.hostname === 'localhost' ||
    u.hostname === '127.0.0.1'
  )
    return route.continue();
  outside.push(u.href);
  return route.abort();
});
context.on('request', (req) => {
  const u = new URL(req.url());
  if (
    !['data:', 'blob:'].includes(u.protocol) &&
    !['localhost', '127.0.0.1'].includes(u.hostname) &&
    !outside.includes(u.href)
  )
    outside.push(u.href);
});

// Uncaught exceptions and console errors on any page both fail the run; nothing is filtered out.
const pageErrors = [];
function watch(p) {
  p.on('pageerror', (e) => pageErrors.push(`uncaught: ${e.message}`));
  p.on('console', (msg) => {
    if (msg.type() === 'error')
      pageErrors.push(`console.error: ${msg.text()} (${msg.location().url || 'page'})`);
  });
}
const page = context.pages()[0] ?? (await context.newPage());
watch(page);

try {
  await test('the preview page loads the pane and the workbook without office.js', async () => {
    await page.goto(url);
    await page.locator('.scroller').waitFor({ timeout: 20000 });
    await page.getByRole('button', { name: /build/i }).first().waitFor({ timeout: 20000 });
    const officeScripts = await page.locator('script[src*="office"]').count();
    assert(officeScripts === 0, 'the page loads an office.js script');
    assert(await page.evaluate(() => typeof window.Office === 'undefined'), 'Office is defined on the page');
  });

  await test('custom functions typed into cells: =NN.SIGMOID(0) and =LSTM.STEP over cells', async () => {
    await page.locator('.sheet-tab', { hasText: 'Sheet1' }).click();
    await typeInCell(page, 'H2', '=NN.SIGMOID(0)');
    assert((await readCell(page, 'H2')) === 0.5, `=NN.SIGMOID(0) shows ${await readCell(page, 'H2')}`);
    const x = [0.5, -1];
    const h = [0.25, -0.5];
    const c = [1, 0.1];
    const wih = [
      [1, -1],
      [0.5, 0.5],
      [-0.25, 1],
      [0, 2],
      [1, 1],
      [-1, 0],
      [0.3, -0.7],
      [2, -2],
    ];
    const whh = [
      [0.5, 0],
      [0, 0.5],
      [-1, 1],
      [1, -1],
      [0.2, 0.2],
      [-0.3, 0.4],
      [0.6, 0],
      [0, -0.6],
    ];
    const write = async (r0, c0, rows) => {
      for (let r = 0; r < rows.length; r++)
        for (let k = 0; k < rows[r].length; k++)
          await typeInCell(page, a1(r0 + r, c0 + k), String(rows[r][k]));
    };
    await write(0, 0, [x]); // A1:B1
    await write(
      1,
      0,
      h.map((v) => [v]),
    ); // A2:A3
    await write(
      1,
      1,
      c.map((v) => [v]),
    ); // B2:B3
    await write(4, 0, wih); // A5:B12
    await write(4, 2, whh); // C5:D12
    await typeInCell(page, 'F2', '=LSTM.STEP(A1:B1,A2:A3,B2:B3,A5:B12,C5:D12)');
    const p = {
      inputSize: 2,
      hiddenSize: 2,
      W_ih: project.fromRows(wih),
      W_hh: project.fromRows(whh),
      b_ih: new Float64Array(8),
      b_hh: new Float64Array(8),
    };
    const r = project.lstmStep(p, Float64Array.from(x), Float64Array.from(h), Float64Array.from(c));
    for (let i = 0; i < 2; i++) {
      close(await readCell(page, a1(1 + i, 5)), r.h[i], `LSTM.STEP h[${i}]`);
      close(await readCell(page, a1(1 + i, 6)), r.c[i], `LSTM.STEP c[${i}]`);
    }
    await typeInCell(page, 'H4', '=LSTM.STEP(A1:B1,A2:A3,B2:B3,A5:B11,C5:D12)');
    assert((await readCell(page, 'H4')) === '#VALUE!', 'a wrongly shaped W_ih should give #VALUE!');
    // The error code is drawn whole (not cut by the narrow column) and its tooltip names the argument.
    const errorCell = await gotoCell(page, 'H4');
    const clipped = await errorCell
      .locator('.cell-text')
      .evaluate(
        (el) =>
          el.scrollWidth > el.clientWidth ||
          el.getBoundingClientRect().right > el.parentElement.getBoundingClientRect().right,
      );
    assert(!clipped, 'the #VALUE! in H4 is clipped');
    const tip = await errorCell.getAttribute('title');
    assert(
      /^#VALUE!: .*W_ih/.test(tip ?? ''),
      `the tooltip of H4 is "${tip}", expected the code and a message naming W_ih`,
    );
    await page.screenshot({ path: path.join(OUT_DIR, 'custom-functions.png') });
  });

  for (const spec of specs) {
    const plan = spec.build(spec.defaults);
    const sampled = sampleTracedCells(plan);
    const paramCells = plan.cells.filter((c) => c.meaning?.param);
    let sheet = null;

    await test(`${spec.id}: build the walkthrough from the task pane`, async () => {
      const before = await page.locator('.sheet-tab').count();
      await buildFromPane(page, spec);
      await page.locator('.sheet-tab').nth(before).waitFor({ timeout: 20000 });
      sheet = await activeSheet(page);
      assert(sheet.startsWith(plan.baseName), `the new sheet is "${sheet}", expected "${plan.baseName}…"`);
      const title = await gotoCell(page, 'A1');
      // The title's row grows to its larger font, as Excel's rows do, so no descender is cut.
      const fit = await title.evaluate((el) => ({
        height: el.getBoundingClientRect().height,
        font: parseFloat(getComputedStyle(el).fontSize),
      }));
      assert(fit.height >= 1.25 * fit.font, `the title row is ${fit.height}px high for a ${fit.font}px font`);
      // Show the pane from its top, as a learner first sees it.
      await page.locator('.pane-body').evaluate((el) => el.scrollTo(0, 0));
      await page.screenshot({ path: path.join(OUT_DIR, `${spec.id}.png`) });
    });
    if (!sheet) continue;

    const valueOnSheet = async () => {
      const values = new Map();
      for (const c of paramCells)
        values.set(
          a1(c.row, c.col),
          await page.evaluate(
            ([s, a]) => window.previewHost.workbook.cellAt(s, a).value,
            [sheet, a1(c.row, c.col)],
          ),
        );
      return paramsFrom(plan, (c) => values.get(a1(c.row, c.col)));
    };

    await test(`${spec.id}: the grid draws one dashed arrow per carried state, labelled as the plan says`, async () => {
      const want = (plan.flows ?? []).map((f) => f.label).sort();
      const got = await page.evaluate(() =>
        [...document.querySelectorAll('.flow-overlay line.flow')].map((l) => l.textContent ?? ''),
      );
      assert(got.length === want.length, `${got.length} arrows drawn for ${want.length} flows`);
      assert(JSON.stringify(got.sort()) === JSON.stringify(want), `arrow labels ${got.join(' | ')}`);
    });

    await test(`${spec.id}: computed cells in the grid equal the core`, async () => {
      const trace = spec.evaluate(spec.defaults, await valueOnSheet());
      for (const c of sampled)
        close(
          await readCell(page, a1(c.row, c.col)),
          expectedValue(trace, c),
          `${a1(c.row, c.col)} ${c.meaning.tensor}`,
        );
    });

    await test(`${spec.id}: editing an input cell recomputes its dependents`, async () => {
      // Edit an input the last sampled cell provably reads (walking its formula's
      // references), so "it changed" is a fair demand for every model.
      const last = [...sampled].reverse().find((c) => !isCheckCell(c)) ?? sampled[sampled.length - 1];
      const input = inputFeeding(plan, last, project.parseA1);
      assert(input, `no parameter cell feeds ${a1(last.row, last.col)}`);
      const address = a1(input.row, input.col);
      const old = await readCell(page, address);
      const next = old === 1.5 ? 0.75 : 1.5;
      const lastBefore = await readCell(page, a1(last.row, last.col));
      await typeInCell(page, address, String(next));
      assert((await readCell(page, address)) === next, `${address} did not take the typed value`);
      const trace = spec.evaluate(spec.defaults, await valueOnSheet());
      for (const c of sampled)
        close(
          await readCell(page, a1(c.row, c.col)),
          expectedValue(trace, c),
          `after the edit, ${a1(c.row, c.col)}`,
        );
      assert(
        (await readCell(page, a1(last.row, last.col))) !== lastBefore,
        `the last sampled cell (not a check) did not change after editing ${address}`,
      );
      await typeInCell(page, address, String(old));
    });
  }

  await practiceScenario({ test, assert, page, project, typeInCell, gotoCell, outDir: OUT_DIR });

  await learnerScenario({ test, assert, page, project, typeInCell, gotoCell, outDir: OUT_DIR });

  await spreadsheetScenario({ test, assert, page, project, typeInCell, gotoCell });

  await checkExcelScenario({ test, assert, page, project, outDir: OUT_DIR });

  await chineseScenario({ test, assert, context, url, project, watch, outDir: OUT_DIR });

  await test('the pages raised no uncaught errors and logged no console errors', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });

  await test('no request left localhost', async () => {
    assert(outside.length === 0, `requests to: ${outside.join(', ')}`);
  });
} finally {
  await context.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`screenshots: ${path.relative(root, OUT_DIR)}/`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
