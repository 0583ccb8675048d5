// The web app as a user meets it: presets, contract switch, timeline, sharing, saving,
// importing, Dutch, a phone-sized screen and the keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser, openPage, waitDrawn, dataCoverage, assertDrawsData, choosePreset } from './harness.mjs';

const { server, browser } = await startBrowser();

const CHARTS = ['chart-relationship', 'chart-focus', 'chart-trust', 'chart-money'];
const summary = (page) => page.evaluate(() => ['summary-status', 'summary-focus', 'summary-client-cost', 'summary-supplier-margin']
  .map((id) => document.querySelector(`[data-testid="${id}"]`).textContent).join(' | '));
const focus = async (page) => parseFloat(await page.textContent('[data-testid="summary-focus"]'));
const chartData = (page, id) => page.evaluate((i) => document.querySelector(`[data-testid="${i}"]`).toDataURL(), id);
// Waits until the chart's pixels differ from `before` (fails at the timeout if they never do).
const chartChanges = (page, id, before) => page.waitForFunction(([i, b]) => document.querySelector(`[data-testid="${i}"]`).toDataURL() !== b, [id, before], { timeout: 10000 });

test('every chart draws its data and the console stays clean', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  for (const id of CHARTS) {
    await waitDrawn(page, id);
    await assertDrawsData(assert, page, id);
  }
  await page.hover('[data-testid="chart-relationship"]', { position: { x: 300, y: 120 } });
  assert.ok(await page.isVisible('.tooltip'), 'hovering shows the week tooltip');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a one-week run leaves the charts without lines, and the data check sees it', async () => {
  // The same charts with (almost) no data: one week is one point, which draws no line. The frame,
  // grid and labels are all there, and the data check must fail on them.
  const link = `${server.url}#s=${encodeURIComponent(JSON.stringify({ weeks: 1 }))}`;
  const { page, context } = await openPage(browser, link);
  for (const id of CHARTS) {
    await waitDrawn(page, id);
    const r = await dataCoverage(page, id);
    assert.ok(r.coverage < 0.1, `${id} without data: ${JSON.stringify(r)}`);
  }
  await context.close();
});

test('choosing each preset changes the summary', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const ids = await page.$$eval('[data-testid="preset-select"] option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(ids.length >= 8);
  let before = await summary(page);
  for (const id of ids.filter((i) => i !== 'default')) {
    await choosePreset(page, id);
    const now = await summary(page);
    assert.notEqual(now, before, `preset ${id} changes the summary`);
    assert.ok((await page.textContent('.story')).length > 40, 'the story is shown');
    before = now;
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a result obligation raises the shown customer focus', async () => {
  const { page, context } = await openPage(browser, server.url);
  const fixed = await focus(page);
  await page.selectOption('[data-testid="obligation-select"]', 'result');
  const result = await focus(page);
  assert.ok(result > fixed + 20, `focus ${fixed}% -> ${result}%`);
  await context.close();
});

test("the supplier's effort policy raises the shown customer focus; a bad level names its range", async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const fixed = await focus(page);
  const margin = await page.textContent('[data-testid="summary-supplier-margin"]');
  await page.selectOption('[data-testid="intervention-kind"]', 'effort_policy');
  await page.click('[data-testid="add-intervention"]');
  await page.waitForSelector('[data-testid="intervention-form"] [data-testid="item-min-effort"]');
  const committed = await focus(page);
  assert.ok(committed > fixed + 10, `focus ${fixed}% -> ${committed}%`);
  assert.notEqual(await page.textContent('[data-testid="summary-supplier-margin"]'), margin);
  await page.fill('[data-testid="item-min-effort"]', '1.5');
  const message = await page.$eval('[data-testid="item-min-effort"]', (i) => i.closest('.mini-field').querySelector('.field-error').textContent);
  assert.match(message, /Committed effort/);
  assert.match(message, /1\.5 is outside the allowed range 0\.00 – 1\.00/);
  assert.equal(await focus(page), committed, 'a refused level changes nothing');
  await page.fill('[data-testid="item-min-effort"]', '0.95');
  await page.press('[data-testid="item-min-effort"]', 'Enter');
  assert.ok((await focus(page)) > committed, 'a higher commitment, more focus');
  assert.deepEqual(problems, []);
  await context.close();
});

test('typed values apply, out-of-range values are refused with the range', async () => {
  const { page, context } = await openPage(browser, server.url);
  const cost = await page.textContent('[data-testid="summary-client-cost"]');
  await page.fill('[data-testid="fee-per-week"]', '30');
  await page.press('[data-testid="fee-per-week"]', 'Enter');
  assert.notEqual(await page.textContent('[data-testid="summary-client-cost"]'), cost);
  const changed = await page.textContent('[data-testid="summary-client-cost"]');
  await page.fill('[data-testid="incentive-share"]', '0.9');
  assert.match(await page.textContent('.field.invalid .field-error'), /0\.00.*0\.50/);
  assert.equal(await page.textContent('[data-testid="summary-client-cost"]'), changed, 'scenario unchanged');
  await context.close();
});

test('adding an incident on the timeline changes the relationship chart', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitDrawn(page, 'chart-relationship');
  const before = await chartData(page, 'chart-relationship');
  const box = await page.locator('[data-testid="timeline"]').boundingBox();
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height / 2);
  await page.waitForSelector('[data-testid="incident-form"]');
  await chartChanges(page, 'chart-relationship', before);
  const withIncident = await chartData(page, 'chart-relationship');
  await page.click('[data-testid="delete-incident"]');
  await chartChanges(page, 'chart-relationship', withIncident);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link reproduces the summary in a fresh page', async () => {
  const a = await openPage(browser, server.url);
  await choosePreset(a.page, 'farbo');
  await a.page.selectOption('[data-testid="obligation-select"]', 'result');
  await a.page.click('[data-testid="share-link"]');
  const link = await a.page.inputValue('[data-testid="share-url"]');
  assert.equal(link, a.page.url(), 'the address always holds the scenario');
  const expected = await summary(a.page);
  await a.context.close();
  const b = await openPage(browser, link);
  assert.equal(await summary(b.page), expected);
  await b.context.close();
});

test('a reload keeps an edited scenario', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.click('[data-testid="role-representative"]');
  await page.fill('[data-testid="fee-per-week"]', '25');
  await page.press('[data-testid="fee-per-week"]', 'Enter');
  const expected = await summary(page);
  await page.goto(server.url); // no hash: comes back from local storage
  await page.waitForSelector('[data-testid="summary-status"]');
  assert.equal(await summary(page), expected);
  assert.equal(await page.getAttribute('[data-testid="role-representative"]', 'aria-pressed'), 'true');
  await context.close();
});

test('an invalid import shows the error banner and keeps the scenario', async () => {
  const { page, context } = await openPage(browser, server.url);
  await choosePreset(page, 'healthy-partnership');
  const expected = await summary(page);
  const dir = join(tmpdir(), 'relsim-e2e');
  mkdirSync(dir, { recursive: true });
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"contract": {"incentive_share": 2}}');
  await page.setInputFiles('[data-testid="import-json"]', bad);
  await page.waitForSelector('[data-testid="error-banner"]');
  // The banner names the field by its label and its range, in the interface's language.
  assert.match(await page.textContent('[data-testid="error-banner"]'), /Incentive share of the fee: 2 is outside the allowed range 0\.00 – 0\.50/);
  assert.equal(await summary(page), expected);
  const good = join(dir, 'good.json');
  writeFileSync(good, '{"contract": {"obligation": "result"}, "manager": {"role": "butler"}}');
  await page.setInputFiles('[data-testid="import-json"]', good);
  await page.waitForFunction(() => document.querySelector('[data-testid="role-butler"]').getAttribute('aria-pressed') === 'true');
  await context.close();
});

test('Dutch shows Dutch, and is remembered', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.click('[data-testid="lang-toggle"]');
  const text = await page.textContent('body');
  for (const word of ['Relatie', 'Uitkomst', 'Status aan het eind', 'Klantgerichtheid', 'Inspanningsverplichting']) {
    assert.ok(text.includes(word), `Dutch page shows "${word}"`);
  }
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await page.reload();
  await page.waitForSelector('[data-testid="summary-status"]');
  assert.ok((await page.textContent('body')).includes('Uitkomst'));
  await page.click('text=Zo werkt het model');
  await page.waitForSelector('[data-testid="model-trainer"]');
  assert.ok((await page.textContent('body')).includes('Vertrouwen komt te voet'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 390 px wide nothing overflows sideways', async () => {
  const { page, context } = await openPage(browser, server.url, { width: 390, height: 844 });
  for (const id of CHARTS) {
    await waitDrawn(page, id);
    await assertDrawsData(assert, page, id);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== 'absolute')
    .map((e) => e.className || e.tagName).slice(0, 5));
  assert.deepEqual(wide, []);
  // Every result view, in Dutch (longer words), with its tables filled.
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  const views = [
    ['tab-ensemble', '[data-testid="outcome-table"] tbody tr'],
    ['tab-compare', '[data-testid="compare-table"] tbody tr'],
    ['tab-negotiate', '[data-testid="sweep-run"]'],
    ['tab-why', '[data-testid="why-causes"]'],
  ];
  for (const [tab, ready] of views) {
    await page.click(`[data-testid="${tab}"]`);
    if (tab === 'tab-compare') await page.selectOption('[data-testid="preset-b"]', 'healthy-partnership');
    await page.waitForSelector(ready, { timeout: 60000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 120000 });
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(over, 0, `${tab} overflows by ${over} px`);
  }
  await context.close();
});

test('every control is reachable by keyboard', async () => {
  const { page, context } = await openPage(browser, server.url);
  const wanted = new Set(['preset-select', 'obligation-select', 'incentive-share', 'fee-per-week', 'role-none',
    'role-butler', 'role-accountant', 'role-representative', 'role-nanny', 'export-json', 'import-json',
    'export-csv', 'lang-toggle', 'share-link', 'add-incident', 'add-intervention']);
  const seen = new Set();
  for (let i = 0; i < 160 && seen.size < wanted.size; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (wanted.has(id)) seen.add(id);
  }
  assert.deepEqual([...wanted].filter((w) => !seen.has(w)), []);
  // Keyboard use changes the run: pick the Butler with Enter.
  await page.focus('[data-testid="role-butler"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('[data-testid="role-butler"]', 'aria-pressed'), 'true');
  await context.close();
});

test("numbers read as the browser's Intl writes them, in English and in Dutch", async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const ids = ['summary-client-cost', 'summary-supplier-margin', 'summary-client-net-value', 'summary-focus'];
  const read = () => page.evaluate((list) => list.map((id) => document.querySelector(`[data-testid="${id}"]`).textContent.trim()), ids);
  const english = await read();
  // Each card's number as Intl.NumberFormat writes it for en-GB, then for nl-NL after the switch.
  const values = english.map((t) => Number(t.replace(/[^\d.-]/g, '')));
  assert.ok(values.some((v) => Math.abs(v) >= 1000), `a number with thousands: ${english}`);
  const intl = (locale) => page.evaluate(([l, vs]) => vs.map((v, i) => (i === 3
    ? `${new Intl.NumberFormat(l).format(v)}%`
    : `${new Intl.NumberFormat(l).format(v)}\u00a0k€`)), [locale, values]);
  assert.deepEqual(english, await intl('en-GB'));
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.deepEqual(await read(), await intl('nl-NL'));
  assert.deepEqual(problems, []);
  await context.close();
});
