// The worker pool and the deal map: the app starts background workers for the simulation; an
// ensemble computed by them equals the one computed on the page (`?workers=0`) number for number;
// the deal map draws, tells a cell's figures, loads a cell's contract into the editor, stops on
// cancel, and agrees with the native `relsim sweep2` on a small grid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser, openPage } from './harness.mjs';
import { setMap, runMap, mapPixels, mapDownload, clickCell } from './pool-helpers.mjs';
import { openAt, play, score } from './exercise-helpers.mjs';
import { axe } from './site-helpers.mjs';

const CLI = process.env.RELSIM_BIN ?? 'target/release/relsim';

const { server, browser } = await startBrowser();

/** The ensemble summary the page computes for `link`, with the workers asked for in `query`. */
async function ensembleOf(query, link, runs) {
  const { page, context, problems } = await openPage(browser, `${server.url}${query}#s=${encodeURIComponent(link)}`);
  if (query !== '?workers=0') {
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="workers"]')?.textContent) >= 1
      || document.querySelector('[data-testid="tab-negotiate"]'), null, { timeout: 30000 });
  }
  await page.click('[data-testid="tab-ensemble"]');
  await page.fill('[data-testid="ensemble-runs"]', String(runs));
  await page.dispatchEvent('[data-testid="ensemble-runs"]', 'change');
  const handle = await page.waitForFunction((n) => {
    const v = document.querySelector('[data-testid="ensemble-summary"]')?.dataset.summary;
    return v && JSON.parse(v).runs === n && !document.querySelector('[data-testid="progress"]') ? v : false;
  }, runs, { timeout: 120000 });
  const summary = await handle.jsonValue();
  await page.click('[data-testid="tab-negotiate"]');
  const workers = Number(await page.textContent('[data-testid="workers"]'));
  assert.deepEqual(problems, []);
  await context.close();
  return { summary, workers };
}

test('an ensemble from the workers equals the one computed on the page, number for number', async () => {
  for (const link of ['{}', '{"contract":{"obligation":"result","incentive_share":0.3},"manager":{"role":"nanny"},"random_rates":{"interpersonal":20}}']) {
    const pooled = await ensembleOf('?workers=2', link, 777);
    const page = await ensembleOf('?workers=0', link, 777);
    assert.equal(pooled.workers, 2, 'two workers in use');
    assert.equal(page.workers, 0, 'none asked for');
    assert.equal(pooled.summary, page.summary, `${link}: the same summary text`);
  }
});

test('the deal map draws, tells a cell, loads its contract and can be downloaded', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#s=${encodeURIComponent('{"contract":{"obligation":"result","fee_per_week":17}}')}`);
  await page.click('[data-testid="tab-negotiate"]');
  await setMap(page, { steps: 7, runs: 40 });
  const ms = await runMap(page);
  assert.ok(ms > 0, `full map in ${ms} ms`);
  assert.match(await page.textContent('[data-testid="deal-map-count"]'), /^49 .* 49 /);
  const px = await mapPixels(page);
  assert.ok(px.better > 0.02, `blue (better) cells drawn: ${JSON.stringify(px)}`);
  assert.ok(px.worse > 0.005, `orange (worse) cells drawn: ${JSON.stringify(px)}`);
  // A cell's contract goes into the editor: the fee and the share of the cell clicked.
  const before = await page.inputValue('[data-testid="fee-per-week"]');
  await clickCell(page, 0.9, 0.9, async () => {
    // Pointing at a cell tells its figures.
    await page.waitForFunction(() => document.querySelector('[data-testid="deal-map-cell"]').textContent.includes('k€'));
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="deal-map-loaded"]').textContent.trim());
  const fee = Number(await page.inputValue('[data-testid="fee-per-week"]'));
  const share = Number(await page.inputValue('[data-testid="incentive-share"]'));
  const map = await mapDownload(page);
  const top = map.cells[map.cells.length - 1];
  assert.notEqual(String(fee), before, 'the fee changed');
  assert.ok(Math.abs(fee - top.x) < 1e-9 && Math.abs(share - top.y) < 1e-9, `loaded ${fee}/${share}, top-right cell ${top.x}/${top.y}`);
  assert.equal(map.cells.length, 49);
  // And as CSV: a header and one row per cell, the cell's inputs first.
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="deal-map-download-csv"]')]);
  const csvText = (await readFile(await csvDl.path(), 'utf8')).replace(/^\ufeff/, '');
  const csvRows = csvText.trim().split('\n');
  assert.equal(csvRows.length, 50);
  assert.match(csvRows[0], /^contract\.fee_per_week,contract\.incentive_share,/);
  // The baseline is shown and stays the fixed fee the first map was drawn against (17 k€ from
  // the link), though the editor now holds the loaded cell's contract; every computed cell says
  // whether its runs settle its verdict.
  const baseline = await page.textContent('[data-testid="deal-baseline"]');
  assert.match(baseline, /17\.0 k€/);
  const marks = await page.$$eval('[data-testid="deal-uncertain"] td[data-uncertain]', (tds) => tds.map((td) => td.dataset.uncertain));
  assert.equal(marks.length, 49, 'one mark per cell');
  assert.ok(marks.every((m) => m === 'true' || m === 'false'));
  await runMap(page);
  assert.equal(await page.textContent('[data-testid="deal-baseline"]'), baseline, 'the baseline did not move');
  // Keyboard: focus the map, move left, Enter loads the neighbour.
  await page.focus('.deal-map');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForFunction((f) => Number(document.querySelector('[data-testid="fee-per-week"]').value) < f, fee);
  assert.deepEqual(await axe(page), [], 'no accessibility violations with the map drawn and focused');
  assert.deepEqual(problems, []);
  await context.close();
});

test('cancel stops the deal map, and it draws at a phone width too', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { width: 390, height: 800 });
  await page.click('[data-testid="tab-negotiate"]');
  await setMap(page, { steps: 21, runs: 400 });
  await page.click('[data-testid="deal-map-run"]');
  await page.waitForFunction(() => /^[1-9]\d* /.test(document.querySelector('[data-testid="deal-map-count"]').textContent), null, { timeout: 60000 });
  assert.ok(await page.isVisible('[data-testid="deal-map-progress"]'), 'the map shows its progress');
  assert.equal(await page.$('[data-testid="progress"]'), null, 'and only there, not in the sweep card too');
  await page.click('[data-testid="deal-map-cancel"]');
  const count = async () => Number((await page.textContent('[data-testid="deal-map-count"]')).trim().split(' ')[0]);
  // Cells that arrived before the cancel are drawn at the next redraw (every 120 ms); after
  // that nothing more arrives, although the workers were busy when it was cancelled.
  await page.waitForTimeout(400);
  const stopped = await count();
  await page.waitForTimeout(1500);
  const later = await count();
  assert.ok(later < 441, `stopped at ${later} of 441 cells`);
  assert.equal(later, stopped, 'no cell arrives after the cancel');
  assert.equal(await page.textContent('[data-testid="deal-map-ms"]'), '', 'no full-map time');
  assert.ok(await page.isHidden('[data-testid="deal-map-progress"]'));
  const px = await mapPixels(page);
  assert.ok(px.better + px.worse > 0.02, `the coarse map is drawn at 390 px: ${JSON.stringify(px)}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
  assert.deepEqual(await axe(page), [], 'no accessibility violations at 390 px');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the browser deal map and the native sweep2 agree on a small grid', async () => {
  const link = '{"contract":{"obligation":"result","fee_per_week":17},"manager":{"role":"accountant"}}';
  const { page, context, problems } = await openPage(browser, `${server.url}#s=${encodeURIComponent(link)}`);
  await page.click('[data-testid="tab-negotiate"]');
  await setMap(page, { steps: 3, runs: 50, x: ['contract.fee_per_week', 14, 20], y: ['contract.incentive_share', 0.1, 0.4] });
  await runMap(page);
  const browserMap = await mapDownload(page);
  const dir = mkdtempSync(join(tmpdir(), 'relsim-map-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, link);
  const native = JSON.parse(execFileSync(CLI, ['sweep2', file, '--x', 'contract.fee_per_week', '--x-from', '14', '--x-to', '20', '--x-steps', '3',
    '--y', 'contract.incentive_share', '--y-from', '0.1', '--y-to', '0.4', '--y-steps', '3', '--runs', '50'], { encoding: 'utf8' }));
  assert.equal(browserMap.x, native.x);
  assert.equal(browserMap.y, native.y);
  assert.equal(browserMap.cells.length, 9);
  let numbers = 0;
  const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  const walk = (a, b, path) => {
    if (typeof a === 'number') {
      numbers++;
      assert.ok(near(a, b), `${path}: native ${a}, browser ${b}`);
    } else if (a && typeof a === 'object') {
      for (const k of Object.keys(a)) walk(a[k], b?.[k], `${path}.${k}`);
    } else assert.equal(b, a, path);
  };
  native.cells.forEach((c, i) => walk(c, browserMap.cells[i], `cells[${i}]`));
  assert.ok(numbers >= 9 * 20, `${numbers} numbers compared`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the luck-or-skill replay gives the same debrief on the workers as on the page', async () => {
  const seen = [];
  for (const query of ['?workers=2', '?workers=0']) {
    const { page, context, problems } = await openAt(browser, `${server.url}${query}`);
    await play(page, 'gym-contract', (m) => (m === 0 ? 1 : 0));
    const luck = await page.getAttribute('[data-testid="debrief-luck"]', 'data-percentile');
    seen.push({ score: await score(page), luck, text: await page.textContent('[data-testid="debrief-luck"]') });
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.ok(seen[0].luck !== '' && seen[0].luck !== null, 'a percentile is shown');
  assert.deepEqual(seen[0], seen[1]);
});

test('a new input while the workers compute gives the new scenario\'s ensemble, nothing stale', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?workers=2`);
  await page.click('[data-testid="tab-negotiate"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="workers"]')?.textContent) === 2);
  await page.click('[data-testid="tab-ensemble"]');
  await page.fill('[data-testid="ensemble-runs"]', '5000');
  await page.dispatchEvent('[data-testid="ensemble-runs"]', 'change');
  await page.waitForSelector('[data-testid="progress"]');
  await page.fill('[data-testid="fee-per-week"]', '25');
  await page.dispatchEvent('[data-testid="fee-per-week"]', 'change');
  const handle = await page.waitForFunction(() => {
    const v = document.querySelector('[data-testid="ensemble-summary"]')?.dataset.summary;
    return v && !document.querySelector('[data-testid="progress"]') ? v : false;
  }, null, { timeout: 120000 });
  const shown = await handle.jsonValue();
  assert.deepEqual(problems, []);
  await context.close();
  const fresh = await ensembleOf('?workers=0', '{"contract":{"fee_per_week":25}}', 5000);
  assert.equal(shown, fresh.summary, 'the summary is the new scenario\'s, computed as if from scratch');
});

test('workers that load slowly do not hold up the first ensemble; they take over once up', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  // The worker's module arrives 5 s late, as on a slow connection.
  await page.route(/relsim-worker-.*_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 5000));
    await route.continue();
  });
  await page.goto(`${server.url}?workers=2`);
  await page.click('[data-testid="tab-ensemble"]');
  const t0 = Date.now();
  await page.waitForFunction(() => document.querySelector('[data-testid="ensemble-summary"]')?.dataset.summary
    && !document.querySelector('[data-testid="progress"]'), null, { timeout: 60000 });
  assert.ok(Date.now() - t0 < 4900, `the first ensemble came from the page before the workers (${Date.now() - t0} ms)`);
  await page.click('[data-testid="tab-negotiate"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="workers"]')?.textContent) === 2, null, { timeout: 30000 });
  await page.click('[data-testid="deal-map-run"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="deal-map-ms"]').textContent.trim() !== '', null, { timeout: 120000 });
  assert.deepEqual(problems, []);
  await context.close();
});
