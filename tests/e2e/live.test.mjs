// The live class against a real class server (`relsim serve` on a free loopback port): a trainer
// opens a class, participants join by code in their own browser contexts, play, and appear on the
// trainer's board without a reload, with the score the server replayed; a forged submission is
// refused; one class's key reads nothing of another's. Without a server the tab says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { launch, serve } from './harness.mjs';
import { openAt, play, score } from './exercise-helpers.mjs';
import { startServer, createClass, joinClass, boardRows, openLive } from './live-helpers.mjs';
import { axe } from './site-helpers.mjs';

const server = await startServer();
const browser = await launch();
test.after(() => browser.close());

const EXERCISE = 'farbo-crisis';
// Each participant's choice at each moment (option index), so that their scores differ.
const PICKS = [(m) => (m === 0 ? 1 : 0), (m) => (m < 2 ? m + 2 : 0), () => 0];

test('a trainer opens a class, three participants join by code, play, and arrive on the board live', async () => {
  const trainer = await openAt(browser, server.url);
  await trainer.page.click('[data-testid="mode-exercise"]');
  await trainer.page.selectOption('[data-testid="exercise-select"]', EXERCISE);
  const code = await createClass(trainer.page);
  assert.match(code, /^[A-HJ-NP-Z2-9]{6}$/);
  const qr = await trainer.page.getAttribute('[data-testid="class-qr"]', 'src');
  assert.match(qr, /^data:image\/svg\+xml/);
  const link = await trainer.page.textContent('[data-testid="class-link"]');
  assert.equal(link, `${server.url}?join=${code}`);

  // The first joins through the link (the code filled in); the others type it, in small letters.
  const names = ['Ann', 'Bob <b>de Vries</b>', 'Chris'];
  const people = [];
  for (const [i, name] of names.entries()) {
    const p = await openAt(browser, i === 0 ? link : server.url);
    if (i > 0) await openLive(p.page);
    await joinClass(p.page, i === 0 ? code : code.toLowerCase(), name);
    people.push(p);
  }
  await trainer.page.waitForFunction(() => document.querySelectorAll('[data-testid="class-table"] tbody tr[data-state="joined"]').length === 3);
  // The trainer's page and a participant's join form pass an accessibility audit.
  assert.deepEqual(await axe(trainer.page), []);
  const joiner = await openAt(browser, server.url, { width: 390, height: 800 });
  await openLive(joiner.page);
  await joiner.page.waitForSelector('[data-testid="class-join"]');
  assert.deepEqual(await axe(joiner.page), []);
  assert.ok((await joiner.page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'the join form fits a phone');
  await joiner.context.close();

  // One participant mid-play shows as playing, at the week they see.
  const scores = [];
  for (const [i, p] of people.entries()) {
    await play(p.page, EXERCISE, PICKS[i]);
    scores.push(await score(p.page));
    await p.page.waitForSelector('[data-testid="live-hand-in"][data-state="done"]');
  }
  await trainer.page.waitForFunction(() => document.querySelectorAll('[data-testid="class-table"] tbody tr[data-state="done"]').length === 3);
  const rows = await boardRows(trainer.page);
  assert.deepEqual(rows.map((r) => r.verified), ['true', 'true', 'true']);
  // The board's scores are the ones the participants saw, best first; a name stays text.
  const byName = Object.fromEntries(rows.map((r) => [r.name, Number(r.score)]));
  names.forEach((n, i) => assert.equal(byName[n].toFixed(1), scores[i].toFixed(1), n));
  const ranked = names.map((n, i) => [n, scores[i]]).sort((a, b) => b[1] - a[1]).map(([n]) => n);
  assert.deepEqual(rows.map((r) => r.name), ranked);
  assert.equal(await trainer.page.$('[data-testid="class-table"] b'), null, 'a name is never markup');
  // And the same as the CLI's replay of the decisions the server stored.
  const json = await trainer.page.evaluate(async () => {
    const { id, key } = JSON.parse(localStorage.getItem('relsim.live.class'));
    const r = await fetch(`api/classes/${id}/export/json`, { headers: { Authorization: `Bearer ${key}` } });
    return r.json();
  });
  for (const result of json) {
    const decide = result.decisions.filter((d) => d.option !== 'carry_on').flatMap((d) => ['--decide', `${d.week}=${d.option}`]);
    const cli = JSON.parse(execFileSync(process.env.RELSIM_BIN ?? 'target/ci/relsim', ['exercise', 'play', `builtin:${EXERCISE}`, ...decide]));
    assert.equal(cli.score.total, result.score.total, result.participant);
    assert.equal(byName[result.participant], result.score.total, result.participant);
  }
  // A reload keeps the trainer's class and board (the key stays in the browser).
  await trainer.page.reload();
  await openLive(trainer.page);
  await trainer.page.waitForFunction(() => document.querySelectorAll('[data-testid="class-table"] tbody tr[data-state="done"]').length === 3);
  assert.equal((await trainer.page.textContent('[data-testid="class-code"]')).trim(), code);
  await trainer.page.check('[data-testid="class-projector"]');
  const contrast = await trainer.page.$eval('.live-trainer', (e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]);
  assert.deepEqual(contrast, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  const problems = [trainer, ...people].flatMap((p) => p.problems);
  assert.deepEqual(problems, []);
  for (const p of [trainer, ...people]) await p.context.close();
});

test('a forged submission is refused and a second class\'s key opens nothing of the first', async () => {
  const a = await openAt(browser, server.url);
  await createClass(a.page);
  const code = (await a.page.textContent('[data-testid="class-code"]')).trim();
  const p = await openAt(browser, `${server.url}?join=${code}`);
  await joinClass(p.page, code, 'Forger');
  const forged = await p.page.evaluate(async () => {
    const { key } = JSON.parse(localStorage.getItem('relsim.live.seat'));
    const decisions = [{ moment: 0, week: 11, option: 'bribe_the_auditor' }];
    const r = await fetch('api/results', { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ decisions, score: 99.9 }) });
    return { status: r.status, body: await r.json() };
  });
  assert.equal(forged.status, 422);
  assert.equal(forged.body.code, 'unverified');
  assert.equal(forged.body.field, 'decisions[0].option');
  await a.page.waitForFunction(() => document.querySelectorAll('[data-testid="class-table"] tbody tr').length === 1);
  assert.deepEqual((await boardRows(a.page)).map((r) => [r.state, r.verified]), [['joined', 'false']]);

  // Class B's trainer key on class A: refused on every route.
  const b = await openAt(browser, server.url);
  await createClass(b.page);
  const idA = await a.page.evaluate(() => JSON.parse(localStorage.getItem('relsim.live.class')).id);
  const statuses = await b.page.evaluate(async (idA) => {
    const { key } = JSON.parse(localStorage.getItem('relsim.live.class'));
    const h = { Authorization: `Bearer ${key}` };
    const urls = [['GET', `api/classes/${idA}`], ['GET', `api/classes/${idA}/export/csv`], ['POST', `api/classes/${idA}/close`], ['DELETE', `api/classes/${idA}`]];
    return Promise.all(urls.map(async ([method, url]) => (await fetch(url, { method, headers: h })).status));
  }, idA);
  assert.deepEqual(statuses, [401, 401, 401, 401]);

  // The trainer closes and deletes A; the participant's board is gone with it.
  await a.page.click('[data-testid="class-close"]');
  await a.page.waitForSelector('[data-testid="class-closed"]');
  a.page.once('dialog', (d) => d.accept());
  await a.page.click('[data-testid="class-delete"]');
  await a.page.waitForSelector('[data-testid="class-create"]');
  const me = await p.page.evaluate(async () => {
    const { key } = JSON.parse(localStorage.getItem('relsim.live.seat'));
    return (await fetch('api/me', { headers: { Authorization: `Bearer ${key}` } })).status;
  });
  assert.equal(me, 401);
  for (const c of [a, b, p]) await c.context.close();
});

test('without a class server the live tab says one is needed and links to how', async () => {
  const site = await serve('dist');
  try {
    const { page, context } = await openAt(browser, site.url);
    await openLive(page);
    const note = await page.waitForSelector('[data-testid="live-needs-server"]');
    const href = await note.$eval('a', (a) => a.getAttribute('href'));
    assert.equal(href, 'README.md#run-a-live-class');
    const readme = await page.evaluate(async (h) => (await fetch(h)).text(), href);
    assert.match(readme, /## Run a live class/);
    assert.equal(await page.$('[data-testid="class-create"]'), null);
    await context.close();
  } finally {
    site.close();
  }
});
