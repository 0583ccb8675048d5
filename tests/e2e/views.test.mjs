// The analysis views: many futures, compare, negotiate, why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startBrowser, openPage, assertDrawsData, choosePreset } from './harness.mjs';

const { server, browser } = await startBrowser();

const idle = (page) => page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 120000 });
const cells = (page, id) => page.$$eval(`[data-testid="${id}"] tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));

test('many futures: fan chart, status shares, survival, outcome table, timing', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.click('[data-testid="tab-ensemble"]');
  // The view comes in a chunk the first time: wait until it is shown.
  await page.waitForSelector('[data-testid="ensemble-ms"]');
  await idle(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="ensemble-ms"]').textContent.trim() !== '');
  assert.ok(Number(await page.textContent('[data-testid="ensemble-ms"]')) > 0);
  for (const id of ['chart-fan', 'chart-status', 'chart-survival']) await assertDrawsData(assert, page, id);
  // The outcome table shows the ensemble's own end shares (as the CLI would print them).
  const summary = JSON.parse(await page.getAttribute('[data-testid="ensemble-summary"]', 'data-summary'));
  const rows = await cells(page, 'outcome-table');
  // Five end shares, customer focus, client cost, supplier margin, client net value.
  assert.equal(rows.length, 9);
  const shown = rows.slice(0, 5).map((r) => parseFloat(r[1]));
  const exact = ['partnership', 'supplier', 'escalation', 'terminated', 'ended'].map((s) => summary.status_at_end[s] * 100);
  shown.forEach((v, i) => assert.ok(Math.abs(v - exact[i]) <= 0.5 + 1e-9, `end shares shown ${shown} vs ${exact}`));
  assert.match(rows[7][2], /k€/);
  const net = parseFloat(rows[8][1].replace(/[^0-9.−-]/g, '').replace('−', '-'));
  assert.ok(Math.abs(net - summary.totals.client_net_value) <= Math.max(1, Math.abs(summary.totals.client_net_value) * 0.01),
    `net value shown ${rows[8][1]} vs ${summary.totals.client_net_value}`);
  // The summary downloads as CSV (UTF-8 with a byte-order mark), the same numbers as the JSON.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="ensemble-csv"]')]);
  const raw = await readFile(await dl.path(), 'utf8');
  assert.equal(raw.charCodeAt(0), 0xfeff);
  const [head, values] = raw.slice(1).trim().split('\n').map((l) => l.split(','));
  assert.equal(Number(values[head.indexOf('totals.client_net_value')]), summary.totals.client_net_value);
  assert.equal(Number(values[head.indexOf('runs')]), summary.runs);
  // A long ensemble shows progress and can be cancelled; a new input replaces it.
  // The click happens inside the page, at once, while the cancel button is there: a fast
  // machine can finish a job between Playwright's finding the button and clicking it. If the job
  // is over before the click, a new one (another run count) is started and cancelled.
  let cancelled = false;
  for (const runs of ['10000', '9999', '9998']) {
    await page.fill('[data-testid="ensemble-runs"]', runs);
    await page.press('[data-testid="ensemble-runs"]', 'Enter');
    await page.waitForSelector('[data-testid="progress"]');
    cancelled = await page.evaluate(() => {
      const b = document.querySelector('[data-testid="cancel"]');
      if (b) b.click();
      return b !== null;
    });
    if (cancelled) break;
    await idle(page);
  }
  assert.ok(cancelled, 'a long ensemble offers a cancel button while it runs');
  await page.waitForSelector('[data-testid="progress"]', { state: 'detached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('compare: A against B over the same seeds', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.click('[data-testid="tab-compare"]');
  await page.selectOption('[data-testid="preset-b"]', 'healthy-partnership');
  await idle(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table"] tbody tr').length === 8);
  // A and B are labelled by their contracts, not only by their names.
  assert.match(await page.textContent('[data-testid="compare-label-a"]'), /fixed fee 20\.0\s?k€ a week/);
  assert.match(await page.textContent('[data-testid="compare-label-b"]'), /results: 18\.0\s?k€ a week, bonus\/malus up to 20\s?%/);
  let rows = await cells(page, 'compare-table');
  assert.notEqual(rows[0][1], rows[0][2], 'A and B differ');
  assert.ok(parseFloat(rows[0][3]) > 0, `B keeps more partnerships: ${rows[0]}`);
  await assertDrawsData(assert, page, 'chart-compare-fan');
  await assertDrawsData(assert, page, 'chart-difference');
  await page.click('[data-testid="swap"]');
  await idle(page);
  await page.waitForFunction(() => parseFloat(document.querySelector('[data-testid="compare-table"] tbody tr td:last-child').textContent) < 0);
  await page.click('[data-testid="make-b"]');
  await idle(page);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="compare-table"] tbody tr td:last-child')]
    .every((c) => /^[+−-]?0\s(pp|k€)$/.test(c.textContent.trim().replace(/^\+/, ''))));
  // Editing B from the panel changes B only.
  await page.check('[data-testid="edit-b"]');
  // A is now the healthy partnership (a results contract); B goes back to a fixed fee.
  await page.selectOption('[data-testid="obligation-select"]', 'effort');
  await page.waitForFunction(() => {
    const r = document.querySelectorAll('[data-testid="compare-table"] tbody tr')[2];
    return r && r.children[1].textContent !== r.children[2].textContent;
  }, null, { timeout: 60000 });
  rows = await cells(page, 'compare-table');
  assert.ok(parseFloat(rows[2][2]) < parseFloat(rows[2][1]) - 20, `B (fixed fee) focus below A: ${rows[2]}`);
  await page.uncheck('[data-testid="edit-b"]');
  assert.equal(await page.inputValue('[data-testid="obligation-select"]'), 'result', 'A is untouched');
  assert.deepEqual(problems, []);
  await context.close();
});

test('negotiate: a sweep highlights the win-win range where there is one', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await choosePreset(page, 'helpdesk-insourced');
  await page.click('[data-testid="tab-negotiate"]');
  await page.selectOption('[data-testid="sweep-param"]', 'contract.incentive_share');
  await page.fill('[data-testid="sweep-steps"]', '6');
  await page.press('[data-testid="sweep-steps"]', 'Enter');
  await page.click('[data-testid="sweep-run"]');
  await idle(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="winwin-range"]').textContent.trim() !== '');
  const text = await page.textContent('[data-testid="winwin-range"]');
  assert.match(text, /Win-win zone: .* 0\.\d+ – 0\.\d+/);
  await assertDrawsData(assert, page, 'chart-sweep');
  await assertDrawsData(assert, page, 'chart-sweep-partnership');
  // Sweeping the fee of the default fixed-fee contract moves cost and margin together: no
  // value leaves both parties better off.
  await choosePreset(page, 'default');
  await page.selectOption('[data-testid="sweep-param"]', 'contract.fee_per_week');
  await page.fill('[data-testid="sweep-from"]', '10');
  await page.press('[data-testid="sweep-from"]', 'Enter');
  await page.fill('[data-testid="sweep-to"]', '30');
  await page.press('[data-testid="sweep-to"]', 'Enter');
  await page.fill('[data-testid="sweep-steps"]', '5');
  await page.press('[data-testid="sweep-steps"]', 'Enter');
  await page.click('[data-testid="sweep-run"]');
  await idle(page);
  await page.waitForFunction(() => !/Win-win zone:/.test(document.querySelector('[data-testid="winwin-range"]').textContent));
  assert.deepEqual(problems, []);
  await context.close();
});

test('why: the table lists every cause of the change shown', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await choosePreset(page, 'article-figure');
  await page.click('[data-testid="tab-why"]');
  await page.fill('[data-testid="why-from"]', '38');
  await page.press('[data-testid="why-from"]', 'Enter');
  await page.fill('[data-testid="why-to"]', '44');
  await page.press('[data-testid="why-to"]', 'Enter');
  await page.waitForFunction(() => document.querySelector('.why-table th').textContent.length > 0);
  const check = async () => {
    const values = await page.$$eval('[data-testid="why-causes"] td[data-value]', (tds) => tds.map((td) => Number(td.dataset.value)));
    const change = Number(await page.getAttribute('[data-testid="why-causes"] td[data-change]', 'data-change'));
    assert.ok(values.length > 0);
    // The model's parts add up by construction (see src/sim/why.rs for the tests that can fail);
    // here the view must list them all, none dropped or rounded away.
    assert.ok(Math.abs(values.reduce((a, b) => a + b, 0) - change) < 1e-9, `${values} vs ${change}`);
    return { values, change };
  };
  const { change } = await check();
  assert.ok(change > 0, 'moment 1 lifts the line');
  assert.match(await page.textContent('[data-testid="why-causes"] tr.cause th'), /Week 40/);
  // Dragging a window on the chart explains that window instead.
  const box = await page.locator('[data-testid="chart-why"]').boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + 100, { steps: 5 });
  await page.mouse.up();
  const from = Number(await page.inputValue('[data-testid="why-from"]'));
  assert.ok(from > 60 && from < 100, `window starts at ${from}`);
  await check();
  await assertDrawsData(assert, page, 'chart-waterfall', 0.3);
  assert.deepEqual(problems, []);
  await context.close();
});

test('compare: the comparison downloads as CSV, A, B and B − A per figure', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.click('[data-testid="tab-compare"]');
  await page.selectOption('[data-testid="preset-b"]', 'healthy-partnership');
  await idle(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table"] tbody tr').length === 8);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="compare-csv"]')]);
  const raw = await readFile(await dl.path(), 'utf8');
  assert.equal(raw.charCodeAt(0), 0xfeff, 'a byte-order mark for Excel');
  const [head, ...rows] = raw.slice(1).trim().split('\n').map((l) => l.split(','));
  assert.deepEqual(head, ['figure', 'a', 'b', 'b_minus_a']);
  const row = (key) => rows.find((r) => r[0] === key);
  const partnership = row('status_at_end.partnership');
  assert.ok(Number(partnership[2]) > Number(partnership[1]), `B keeps more partnerships: ${partnership}`);
  for (const r of rows.filter((r) => r[3] !== '')) {
    assert.ok(Math.abs(Number(r[3]) - (Number(r[2]) - Number(r[1]))) < 1e-6, `${r}`);
  }
  assert.equal(row('runs')[1], row('runs')[2]);
  assert.deepEqual(problems, []);
  await context.close();
});
