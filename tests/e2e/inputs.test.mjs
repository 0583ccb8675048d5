// Refused edits: each shows, beside its control and in the interface language, a message that
// names the input and its allowed range; the scenario keeps its old value and the control shows
// it again once the edit is committed. A 64-bit seed survives the seed field, the address and a
// fresh page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openPage } from './harness.mjs';

const { server, browser } = await startBrowser();

const summary = (page) => page.evaluate(() => ['summary-status', 'summary-focus', 'summary-client-cost']
  .map((id) => document.querySelector(`[data-testid="${id}"]`).textContent).join(' | '));
/** The message and state of the editor field holding the input `testid`. */
const field = (page, testid) => page.evaluate((id) => {
  const input = document.querySelector(`[data-testid="${id}"]`);
  const box = input.closest('.field, .mini-field');
  return {
    value: input.value,
    message: box.querySelector('.field-error').textContent.trim(),
    invalid: input.getAttribute('aria-invalid') === 'true',
    label: box.querySelector('label').textContent.trim(),
  };
}, testid);
const openSection = (page, testid) => page.evaluate((id) => {
  document.querySelector(`[data-testid="${id}"]`).closest('details').open = true;
}, testid);
const commit = async (page, testid, text) => {
  await page.fill(`[data-testid="${testid}"]`, text);
  await page.press(`[data-testid="${testid}"]`, 'Enter');
};

test('an out-of-range number names the field and the range, in English and in Dutch', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const before = await summary(page);
  await page.fill('[data-testid="incentive-share"]', '0.9');
  let f = await field(page, 'incentive-share');
  assert.ok(f.invalid, 'typed text that was not applied is marked invalid');
  assert.equal(f.value, '0.9');
  assert.ok(f.message.startsWith(f.label), `message names the field: ${f.message}`);
  assert.match(f.message, /0\.9 is outside the allowed range 0\.00 – 0\.50/);
  await page.press('[data-testid="incentive-share"]', 'Enter');
  f = await field(page, 'incentive-share');
  assert.equal(f.value, '0.20', 'once committed the field shows what the scenario holds');
  assert.ok(!f.invalid);
  assert.match(f.message, /0\.00 – 0\.50/, 'the message stays beside the field');
  assert.equal(await summary(page), before, 'the scenario is unchanged');

  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  // The message is told again in the new language.
  assert.match((await field(page, 'incentive-share')).message, /0,9 valt buiten het toegestane bereik 0,00 – 0,50/);
  await commit(page, 'incentive-share', '0.9');
  f = await field(page, 'incentive-share');
  assert.ok(f.message.startsWith(f.label), `Dutch message names the Dutch label: ${f.message}`);
  assert.match(f.message, /0,9 valt buiten het toegestane bereik 0,00 – 0,50/);
  assert.equal(f.value, '0.20');
  await openSection(page, 'seed');
  await commit(page, 'seed', 'twintig');
  assert.match((await field(page, 'seed')).message, /„twintig” is geen getal/);
  assert.equal((await field(page, 'seed')).value, '1');
  // The same cost, written in Dutch now (1.234 rather than 1,234): the digits are unchanged.
  const digits = (s) => s.split(' | ')[2].replace(/\D/g, '');
  assert.equal(digits(await summary(page)), digits(before));
  assert.deepEqual(problems, []);
  await context.close();
});

test('week fields are bounded by the run and a refused run length names the incident', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await openSection(page, 'weeks');
  await commit(page, 'weeks', '100');
  assert.equal((await field(page, 'weeks')).value, '100');
  await page.click('[data-testid="add-incident"]');
  await page.waitForSelector('[data-testid="incident-form"]');
  await commit(page, 'item-week', '150');
  let f = await field(page, 'item-week');
  assert.match(f.message, /150 is outside the allowed range 0 – 99/);
  assert.notEqual(f.value, '150');
  await commit(page, 'item-week', '80');
  assert.equal((await field(page, 'item-week')).value, '80');
  await commit(page, 'item-magnitude', '1.5');
  assert.match((await field(page, 'item-magnitude')).message, /1\.5 is outside the allowed range 0\.00 – 1\.00/);
  // A shorter run would leave the incident outside it: refused, naming the incident's week.
  await commit(page, 'weeks', '50');
  f = await field(page, 'weeks');
  assert.equal(f.value, '100');
  assert.match(f.message, / 1 — .*80 is outside the allowed range 0 – 49/);
  await commit(page, 'weeks', '600');
  assert.match((await field(page, 'weeks')).message, /600 is outside the allowed range 1 – 520/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a switch, a slider and the field they show follow the scenario', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.check('[data-testid="opt-out"]');
  await page.waitForSelector('[data-testid="opt-out-week"]');
  assert.equal((await field(page, 'opt-out-week')).value, '130');
  await commit(page, 'opt-out-week', '260');
  const f = await field(page, 'opt-out-week');
  assert.match(f.message, /260 is outside the allowed range 1 – 259/);
  assert.equal(f.value, '130');
  // A slider moved past what another input allows springs back when released.
  await openSection(page, 'critical-lower');
  const slider = page.locator('.field:has([data-testid="critical-lower"]) input[type="range"]');
  await slider.fill('0.9');
  const bounds = await field(page, 'critical-lower');
  assert.match(bounds.message, /Euphoria upper bound must lie above the critical lower bound \(0\.90\)/);
  assert.equal(await slider.inputValue(), '0.35');
  assert.equal(bounds.value, '0.35');
  await page.uncheck('[data-testid="opt-out"]');
  await page.waitForSelector('[data-testid="opt-out-week"]', { state: 'detached' });
  assert.equal(await page.isChecked('[data-testid="opt-out"]'), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a 64-bit seed round-trips through the seed field, the address and a fresh page', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const seed = '18446744073709551615';
  await openSection(page, 'seed');
  await commit(page, 'seed', seed);
  assert.equal((await field(page, 'seed')).value, seed);
  await page.waitForFunction((s) => decodeURIComponent(location.hash).includes(`"seed":${s}`), seed);
  await commit(page, 'seed', '-1');
  const f = await field(page, 'seed');
  assert.equal(f.value, seed, 'a refused seed leaves the old one');
  assert.match(f.message, /-1 is outside the allowed range 0 – 18446744073709551615/);
  // The scenario lives in the address: a fresh page opened on it gets the same seed.
  const fresh = await openPage(browser, page.url());
  await openSection(fresh.page, 'seed');
  assert.equal((await field(fresh.page, 'seed')).value, seed);
  assert.equal(await summary(fresh.page), await summary(page));
  assert.deepEqual(problems, []);
  await fresh.context.close();
  await context.close();
});
