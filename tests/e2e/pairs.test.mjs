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
import { axe } from './site-helpers.mjs';

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

/** A call to the class server's API from the test itself (a participant without a browser). */
async function api(method, path, key, body) {
  const headers = { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) };
  const r = await fetch(new URL(path, server.url), { method, headers, body: body && JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

/** The trainer pairs the two named participants who wait, each on the side given. */
async function pairByHand(page, client, supplier) {
  await page.waitForFunction(([c, s]) => {
    const names = [...document.querySelectorAll('[data-testid="pair-client"] option')].map((o) => o.textContent);
    return names.includes(c) && names.includes(s);
  }, [client, supplier]);
  await page.selectOption('[data-testid="pair-client"]', { label: client });
  await page.selectOption('[data-testid="pair-supplier"]', { label: supplier });
  await page.click('[data-testid="pair-make"]');
}

test('the trainer pairs by hand, splits a pair that has not started, and ranks pairs by each side', async () => {
  const trainer = await openAt(browser, server.url);
  await openLive(trainer.page);
  await trainer.page.selectOption('[data-testid="class-exercise"]', 'farbo-pair');
  await trainer.page.selectOption('[data-testid="class-pairing"]', 'hand');
  await trainer.page.click('[data-testid="class-create"]');
  await trainer.page.waitForSelector('[data-testid="class-code"]');
  const code = (await trainer.page.textContent('[data-testid="class-code"]')).trim();
  const seat = async (name) => {
    const p = await openAt(browser, `${server.url}?join=${code}`);
    await p.page.fill('[data-testid="class-join-name"]', name);
    await p.page.click('[data-testid="class-join"]');
    await p.page.waitForSelector('[data-testid="pair-waiting-trainer"]');
    return p;
  };
  const ann = await seat('Ann');
  const bob = await seat('Bob');
  assert.equal(await ann.page.$('[data-testid="side-name"]'), null, 'no side before the trainer pairs');
  await trainer.page.waitForSelector('[data-testid="pair-unpaired"][data-count="2"]');

  // Bob plays the client, Ann the supplier; both screens hear it.
  await pairByHand(trainer.page, 'Bob', 'Ann');
  await ann.page.waitForSelector('[data-testid="side-name"][data-side="supplier"]');
  await bob.page.waitForSelector('[data-testid="side-name"][data-side="client"]');
  await trainer.page.waitForSelector('[data-testid="pair-unpaired"][data-count="0"]');
  // Split before anyone decided, then paired the other way round.
  await trainer.page.click('[data-testid="pair-split"]');
  await ann.page.waitForSelector('[data-testid="pair-waiting-trainer"]');
  await bob.page.waitForSelector('[data-testid="pair-waiting-trainer"]');
  await pairByHand(trainer.page, 'Ann', 'Bob');
  await ann.page.waitForSelector('[data-testid="side-name"][data-side="client"]');
  await bob.page.waitForSelector('[data-testid="side-name"][data-side="supplier"]');
  // Once a side has decided, the pair stays together.
  await decide(ann.page, 'strategy session');
  await ann.page.waitForSelector('[data-testid="waiting-for-other"]');
  await trainer.page.waitForFunction(() => !document.querySelector('[data-testid="pair-split"]'));

  // Two more pairs join without a browser, are paired on the board and play apart: one keeps
  // the contract, in the other the client leaves at once.
  const keys = {};
  for (const name of ['Cleo', 'Dirk', 'Eva', 'Finn']) {
    const r = await api('POST', '/api/join', null, { code, name });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    keys[name] = r.json.participant_key;
  }
  await pairByHand(trainer.page, 'Cleo', 'Dirk');
  await pairByHand(trainer.page, 'Eva', 'Finn');
  await trainer.page.waitForSelector('[data-testid="pair-unpaired"][data-count="0"]');
  const play = async (client, supplier, first) => {
    for (let m = 0; m < 60; m++) {
      const v = (await api('GET', '/api/pair', keys[client])).json;
      if (v.finished) return;
      for (const [who, option] of [[client, m === 0 ? first : 'carry_on'], [supplier, 'carry_on']]) {
        const r = await api('POST', '/api/pair/decide', keys[who], { moment: m, option });
        assert.equal(r.status, 204, JSON.stringify(r.json));
      }
    }
    assert.fail('the play ends');
  };
  await play('Cleo', 'Dirk', 'carry_on');
  await play('Eva', 'Finn', 'exit');
  await trainer.page.waitForFunction(() => document.querySelectorAll('[data-testid="pair-table"] tbody tr[data-state="finished"]').length === 2);

  // Each column ranks the finished pairs by its own values, best first.
  for (const by of ['client', 'supplier', 'joint']) {
    await trainer.page.click(`[data-testid="pair-sort"][data-by="${by}"]`);
    const values = await trainer.page.$$eval(`[data-testid="pair-table"] tbody tr[data-state="finished"] [data-testid="pair-${by}-value"]`,
      (tds) => tds.map((td) => Number(td.dataset.value)));
    assert.equal(values.length, 2);
    assert.ok(values[0] >= values[1], `${by}: ${values}`);
    assert.equal(await trainer.page.getAttribute(`[data-testid="pair-sort"][data-by="${by}"]`, 'aria-pressed'), 'true');
  }
  // On the participants' board each member shows the side played and that side's score.
  const members = await trainer.page.$$eval('[data-testid="class-table"] tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [
    tr.querySelector('th').textContent,
    { side: tr.querySelector('[data-testid="class-side"]').dataset.side, score: tr.querySelector('[data-testid="class-score"]').dataset.score },
  ])));
  assert.deepEqual([members.Cleo.side, members.Dirk.side, members.Ann.side, members.Bob.side], ['client', 'supplier', 'client', 'supplier']);
  const pairs = (await api('GET', `/api/classes/${await trainer.page.evaluate(() => JSON.parse(localStorage.getItem('relsim.live.class')).id)}`,
    await trainer.page.evaluate(() => JSON.parse(localStorage.getItem('relsim.live.class')).key))).json.pairs;
  const eva = pairs.find((p) => p.client === 'Eva');
  assert.equal(Number(members.Eva.score), eva.client_score);
  assert.equal(Number(members.Finn.score), eva.supplier_score);
  // Someone left over, with nobody to pair with, plays against the script from waiting.
  const zoe = await seat('Zoe');
  await zoe.page.click('[data-testid="pair-waiting-trainer"] [data-testid="pair-scripted"]');
  await zoe.page.waitForSelector('[data-testid="pair-partner"][data-scripted="true"]');
  assert.equal(await zoe.page.getAttribute('[data-testid="side-name"]', 'data-side'), 'client');
  await trainer.page.waitForSelector('[data-testid="pair-table"] td[data-scripted="true"]');
  await zoe.context.close();
  // On a phone the board's tables scroll inside their box; the page stays the phone's width,
  // and the sortable columns and the pair form pass an accessibility audit.
  await trainer.page.setViewportSize({ width: 390, height: 900 });
  assert.equal(await trainer.page.evaluate(() => document.documentElement.scrollWidth), 390);
  assert.deepEqual(await axe(trainer.page), []);
  await ann.page.setViewportSize({ width: 390, height: 900 });
  assert.deepEqual(await axe(ann.page), []);
  const problems = [trainer, ann, bob].flatMap((p) => p.problems).filter((p) => !/status of 4\d\d/.test(p));
  assert.deepEqual(problems, []);
  for (const p of [trainer, ann, bob]) await p.context.close();
});
