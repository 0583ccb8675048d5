// Two-sided play through a real class server: a trainer opens a class on the FARBO exercise both
// sides play; two participants in their own browser contexts are paired, decide without seeing the
// other's choice, one proposes and the other accepts; both browsers end with the same numbers, bit
// for bit, as `relsim exercise play` replaying both sides' decisions. And the round timer carries on
// for a side that never decides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { launch } from './harness.mjs';
import { openAt } from './exercise-helpers.mjs';
import { startServer, joinClass, openLive } from './live-helpers.mjs';

const server = await startServer();
const browser = await launch();
test.after(() => browser.close());

async function pairClass(page) {
  await openLive(page);
  await page.selectOption('[data-testid="class-exercise"]', 'farbo-pair');
  await page.click('[data-testid="class-create"]');
  await page.waitForSelector('[data-testid="class-code"]');
  return (await page.textContent('[data-testid="class-code"]')).trim();
}

async function joinPair(code, name) {
  const p = await openAt(browser, `${server.url}?join=${code}`);
  await p.page.fill('[data-testid="class-join-name"]', name);
  await p.page.click('[data-testid="class-join"]');
  await p.page.waitForSelector('[data-testid="side-name"]');
  return p;
}

/** The open moment's index in a side's view (its closed moments). */
const week = (page) => page.getAttribute('[data-testid="pair-week"]', 'data-week').then(Number);

/** Takes the option whose label contains `text` (or the first, carry on) and decides. */
async function decide(page, text) {
  const options = await page.$$('[data-testid="pair-option"]');
  let pick = options[0];
  for (const o of options) if (text && (await o.textContent()).includes(text)) pick = o;
  await pick.click();
  await page.click('[data-testid="pair-decide"]');
}

test('a pair plays the FARBO crisis from both sides through the server, a proposal accepted', async () => {
  const trainer = await openAt(browser, server.url);
  const code = await pairClass(trainer.page);
  const client = await joinPair(code, 'Carla');
  const supplier = await joinPair(code, 'Sam');
  assert.equal(await client.page.getAttribute('[data-testid="side-name"]', 'data-side'), 'client');
  assert.equal(await supplier.page.getAttribute('[data-testid="side-name"]', 'data-side'), 'supplier');
  await client.page.waitForSelector('[data-testid="pair-partner"]');

  // Moment 0: the client proposes a results contract; it waits, unseen by the supplier.
  await client.page.waitForSelector('[data-testid="pair-decide"]');
  const first = await week(client.page);
  await decide(client.page, 'results on business goals');
  await client.page.waitForSelector('[data-testid="waiting-for-other"]');
  await supplier.page.waitForSelector('[data-testid="pair-other-decided"]');
  assert.equal(await supplier.page.$$eval('[data-testid="pair-their-choices"] li:not(.quiet)', (l) => l.length), 0, 'the choice is not shown');
  await decide(supplier.page, 'high customer focus');
  // Moment 1: the supplier is offered the proposal and accepts it.
  await supplier.page.waitForFunction((w) => Number(document.querySelector('[data-testid="pair-week"]')?.dataset.week) > w, first);
  const offered = await supplier.page.$$eval('[data-testid="pair-option"]', (os) => os.map((o) => o.textContent));
  assert.ok(offered.some((o) => /accept/i.test(o)), offered.join(' | '));
  await decide(supplier.page, 'Accept');
  await client.page.waitForFunction((w) => Number(document.querySelector('[data-testid="pair-week"]')?.dataset.week) > w, first);
  await decide(client.page, null);
  // Then both carry on to the end; from each moment's second decision until both screens show
  // the next week (or the debrief).
  const shown = [];
  const next = (page, w) => page.waitForFunction((w) => document.querySelector('[data-testid="debrief-both"]')
    || Number(document.querySelector('[data-testid="pair-week"]')?.dataset.week) > w, w);
  for (let i = 0; i < 40; i++) {
    if (await client.page.$('[data-testid="debrief-both"]')) break;
    await client.page.waitForSelector('[data-testid="pair-decide"]');
    const w = await week(client.page);
    await decide(client.page, null);
    await supplier.page.waitForSelector('[data-testid="pair-decide"]');
    const t0 = Date.now();
    await decide(supplier.page, null);
    await Promise.all([next(client.page, w), next(supplier.page, w)]);
    shown.push(Date.now() - t0);
  }
  shown.sort((x, y) => x - y);
  console.log(`figures: second decision → both screens at the next week, ${shown.length} moments: median ${shown[shown.length >> 1]} ms, max ${shown[shown.length - 1]} ms`);
  await client.page.waitForSelector('[data-testid="debrief-both"]');
  await supplier.page.waitForSelector('[data-testid="debrief-both"]');
  const numbers = (page) => page.evaluate(() => ['pair-client-score', 'pair-supplier-score', 'pair-joint'].map((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return Number(el.dataset.score ?? el.dataset.value);
  }));
  const [a, b] = [await numbers(client.page), await numbers(supplier.page)];
  assert.deepEqual(a, b, 'both screens show the same numbers');
  // The CLI, replaying both sides' decisions (as the server stored them).
  const decisions = await client.page.evaluate(async () => {
    const { key } = JSON.parse(localStorage.getItem('relsim.live.seat'));
    return (await (await fetch('api/pair', { headers: { Authorization: `Bearer ${key}` } })).json()).decisions;
  });
  const decide_ = decisions.flatMap((d) => [
    ...(d.client !== 'carry_on' ? ['--decide', `client:${d.week}=${d.client}`] : []),
    ...(d.supplier !== 'carry_on' ? ['--decide', `supplier:${d.week}=${d.supplier}`] : []),
  ]);
  const cli = JSON.parse(execFileSync(process.env.RELSIM_BIN ?? 'target/ci/relsim', ['exercise', 'play', 'builtin:farbo-pair', ...decide_]));
  assert.deepEqual(a, [cli.client.total, cli.supplier.total, cli.joint_value]);
  assert.ok(decisions.some((d) => d.supplier === 'accept'), 'the proposal was accepted');
  // The trainer's board ranks the pair with its joint value.
  await trainer.page.waitForSelector('[data-testid="pair-table"] tbody tr[data-state="finished"]');
  assert.equal(Number(await trainer.page.getAttribute('[data-testid="pair-joint-value"]', 'data-value')), cli.joint_value);
  // The pairs' export: one line for this pair, with its joint value.
  const [download] = await Promise.all([trainer.page.waitForEvent('download'), trainer.page.click('[data-testid="class-export-pairs"]')]);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(csv.length, 2, csv.join('\n'));
  assert.match(csv[1], new RegExp(`^\\d+,Carla,Sam,finished,260,.*,${cli.joint_value.toFixed(1)},`));
  const problems = [trainer, client, supplier].flatMap((p) => p.problems).filter((p) => !/status of 4\d\d/.test(p));
  assert.deepEqual(problems, []);
  for (const p of [trainer, client, supplier]) await p.context.close();
});

test('a side that never decides carries on when the round timer runs out', async () => {
  const trainer = await openAt(browser, server.url);
  const code = await pairClass(trainer.page);
  await trainer.page.fill('[data-testid="round-timer"]', '2');
  await trainer.page.click('[data-testid="round-timer-set"]');
  const client = await joinPair(code, 'Quick');
  const supplier = await joinPair(code, 'Absent');
  await client.page.waitForSelector('[data-testid="pair-decide"]');
  await client.page.waitForSelector('[data-testid="pair-time-left"]');
  const first = await week(client.page);
  await decide(client.page, 'strategy session');
  await client.page.waitForSelector('[data-testid="waiting-for-other"]');
  // Nobody clicks for the supplier: within the round the moment closes with its carry on.
  await client.page.waitForFunction((w) => Number(document.querySelector('[data-testid="pair-week"]')?.dataset.week) > w, first, { timeout: 10000 });
  const decisions = await client.page.evaluate(async () => {
    const { key } = JSON.parse(localStorage.getItem('relsim.live.seat'));
    return (await (await fetch('api/pair', { headers: { Authorization: `Bearer ${key}` } })).json()).decisions;
  });
  assert.deepEqual([decisions[0].client, decisions[0].supplier], ['realign', 'carry_on']);
  // The supplier's screen moved on too, and is offered the proposal.
  await supplier.page.waitForFunction((w) => Number(document.querySelector('[data-testid="pair-week"]')?.dataset.week) > w, first);
  const offered = await supplier.page.$$eval('[data-testid="pair-option"]', (os) => os.map((o) => o.textContent));
  assert.ok(offered.some((o) => /accept/i.test(o)), offered.join(' | '));
  // The client plays on; the supplier never decides: the play finishes by the timer.
  for (let i = 0; i < 40; i++) {
    const el = await client.page.waitForSelector('[data-testid="pair-decide"], [data-testid="debrief-both"]', { timeout: 10000 });
    if ((await el.getAttribute('data-testid')) === 'debrief-both') break;
    const w = await week(client.page);
    await decide(client.page, null);
    await client.page.waitForFunction((w) => document.querySelector('[data-testid="debrief-both"]')
      || Number(document.querySelector('[data-testid="pair-week"]')?.dataset.week) > w, w, { timeout: 10000 });
  }
  await client.page.waitForSelector('[data-testid="debrief-both"]');
  await supplier.page.waitForSelector('[data-testid="debrief-both"]');
  const all = await client.page.evaluate(async () => {
    const { key } = JSON.parse(localStorage.getItem('relsim.live.seat'));
    return (await (await fetch('api/pair', { headers: { Authorization: `Bearer ${key}` } })).json()).decisions;
  });
  assert.ok(all.length > 3);
  assert.deepEqual([...new Set(all.map((d) => d.supplier))], ['carry_on'], 'the absent side carried on at every moment');
  for (const p of [trainer, client, supplier]) await p.context.close();
});

test('a participant without a partner plays against a scripted side, marked so on the board', async () => {
  const trainer = await openAt(browser, server.url);
  const code = await pairClass(trainer.page);
  const solo = await joinPair(code, 'Solo');
  await solo.page.click('[data-testid="pair-scripted"]');
  await solo.page.waitForSelector('[data-testid="pair-partner"][data-scripted="true"]');
  const first = await week(solo.page);
  await decide(solo.page, null);
  await solo.page.waitForFunction((w) => Number(document.querySelector('[data-testid="pair-week"]')?.dataset.week) > w, first);
  await trainer.page.waitForSelector('[data-testid="pair-table"] td[data-scripted="true"]');
  for (const p of [trainer, solo]) await p.context.close();
});
