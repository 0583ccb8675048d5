// Training exercises in the browser: every built-in exercise is played to the end, results are
// exported and imported into the class board, plays are reproducible, and a trainer's link opens
// straight into the briefing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, copyFile, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch } from './harness.mjs';
import { openAt, play, score, exportResult } from './exercise-helpers.mjs';

const BUILTIN = ['farbo-crisis', 'gym-contract', 'stale-partnership'];
let server;
let browser;
let dir;
const results = [];
/** Keeps a downloaded result beyond its browser context. */
async function keep(r) {
  const to = join(dir, `${results.length}.json`);
  await copyFile(r.path, to);
  results.push(to);
}
const figures = { first: [], steps: [], debrief: [], bytes: [] };

before(async () => {
  server = await serve();
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'relsim-results-'));
});
after(async () => {
  await browser?.close();
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (process.env.EXERCISE_FIGURES) {
    await writeFile(process.env.EXERCISE_FIGURES, JSON.stringify(figures, null, 1));
  }
});

test('every built-in exercise plays to the end and exports a result', async () => {
  const { page, context, problems } = await openAt(browser, server.url);
  for (const id of BUILTIN) {
    // Take the second option at the first moment, carry on afterwards.
    const run = await play(page, id, (m) => (m === 0 ? 1 : 0));
    assert.ok(run.weeks.length >= 1, `${id}: at least one decision moment`);
    for (let i = 1; i < run.weeks.length; i++) assert.ok(run.weeks[i] > run.weeks[i - 1], `${id}: weeks move on`);
    const s = await score(page);
    assert.ok(s >= 0 && s <= 100, `${id}: score ${s}`);
    // The score's scale and weights, and what each of the player's own decisions did.
    assert.match(await page.textContent('[data-testid="score-scale"]'), /0.*100.*1\.0/);
    const own = await page.$$eval('[data-testid="debrief-own-moments"] li', (lis) => lis.map((l) => l.textContent));
    assert.equal(own.length, 1, `${id}: one own decision (the first moment's option): ${own}`);
    assert.match(own[0], /[+−]\d+\.\d points/);
    assert.match(await page.textContent('[data-testid="debrief-luck"]'), /\d+%/);
    assert.ok(await page.isVisible('[data-testid="debrief"]'));
    const r = await exportResult(page, `Player ${id}`);
    assert.equal(r.json.kind, 'relsim-exercise-result');
    assert.equal(r.json.exercise, id);
    assert.equal(r.json.decisions.length, run.weeks.length);
    assert.deepEqual(r.json.decisions.map((d) => d.week), run.weeks);
    assert.equal(r.json.decisions[0].option === 'carry_on', false);
    assert.ok(Math.abs(r.json.score.total - s) < 0.051, `file score ${r.json.score.total} vs shown ${s}`);
    await keep(r);
    figures.first.push(run.ms.first);
    figures.steps.push(...run.ms.steps);
    figures.debrief.push(run.ms.debrief);
    figures.bytes.push(r.bytes);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('same decisions give the same score; different decisions a different path', async () => {
  const { page, context, problems } = await openAt(browser, server.url);
  const pickA = (m) => (m === 1 ? 2 : 0);
  const a1 = await play(page, 'farbo-crisis', pickA);
  const s1 = await score(page);
  const r1 = await exportResult(page, 'A1');
  const a2 = await play(page, 'farbo-crisis', pickA);
  const s2 = await score(page);
  const r2 = await exportResult(page, 'A2');
  assert.deepEqual(a2.weeks, a1.weeks);
  assert.equal(s2, s1);
  assert.deepEqual(r2.json.path.relationship, r1.json.path.relationship);
  await play(page, 'farbo-crisis', (m) => (m === 1 ? 4 : 0));
  const r3 = await exportResult(page, 'B');
  assert.notDeepEqual(r3.json.path.relationship, r1.json.path.relationship);
  // The same future up to the decision that differed.
  const w = r1.json.decisions[1].week;
  assert.deepEqual(r3.json.path.relationship.slice(0, w), r1.json.path.relationship.slice(0, w));
  await keep(r1);
  await keep(r3);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the class board takes one exercise, each participant once, marks an edited result and survives a reload', async () => {
  assert.ok(results.length >= 4, 'results from the plays above');
  const files = await Promise.all(results.map(async (path) => ({ path, json: JSON.parse(await readFile(path, 'utf8')) })));
  const farbo = files.filter((f) => f.json.exercise === 'farbo-crisis');
  assert.ok(farbo.length >= 3 && farbo.length < files.length, 'results of farbo and of other exercises');
  const { page, context, problems } = await openAt(browser, server.url);
  await page.click('[data-testid="mode-exercise"]');
  await page.click('[data-testid="exercise-tab-board"]');
  // All files at once: the first one's exercise is the board's; the others are refused by name.
  await page.setInputFiles('[data-testid="import-results"]', [farbo[0].path, ...files.filter((f) => f !== farbo[0]).map((f) => f.path)]);
  await page.waitForSelector('[data-testid="error-banner"]');
  const banner = await page.textContent('[data-testid="error-banner"]');
  for (const f of files.filter((f) => f.json.exercise !== 'farbo-crisis')) assert.ok(banner.includes(f.path.split('/').pop()), banner);
  const rows = () => page.$$eval('[data-testid="class-table"] tbody tr', (r) => r.length);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="class-table"] tbody tr').length === n, farbo.length);
  const verified = () => page.$$eval('[data-testid="class-table"] [data-testid="result-verified"]', (tds) => tds.map((td) => td.dataset.verified));
  assert.deepEqual(await verified(), farbo.map(() => 'true'));
  const scores = await page.$$eval('[data-testid="class-table"] tbody tr td.num', (tds) => tds.map((td) => Number(td.textContent)));
  for (let i = 1; i < scores.length; i++) assert.ok(scores[i] <= scores[i - 1], `ranked: ${scores}`);
  const counts = await page.$$eval('[data-testid="class-decisions"] tbody tr td.num', (tds) => tds.map((td) => Number(td.textContent)));
  assert.ok(counts.length > 0 && counts.every((n) => n >= 0));
  assert.ok((await page.$eval('[data-testid="class-chart"]', (c) => c.width)) > 100);

  // An edited total (99.9) and an invented option: marked, shown last, kept out of the tally.
  const topped = { ...farbo[1].json, participant: 'Top', score: { ...farbo[1].json.score, total: 99.9 } };
  const bribed = { ...farbo[2].json, participant: 'Briber', decisions: farbo[2].json.decisions.map((d, i) => (i === 0 ? { ...d, option: 'bribe_the_auditor' } : d)) };
  await page.setInputFiles('[data-testid="import-results"]', [
    { name: 'top.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(topped)) },
    { name: 'bribe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bribed)) },
  ]);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="class-table"] tbody tr').length === n, farbo.length + 2);
  assert.deepEqual(await verified(), [...farbo.map(() => 'true'), 'false', 'false']);
  assert.notEqual(await page.textContent('[data-testid="class-table"] tbody tr:first-child td.name'), 'Top');
  assert.ok(await page.isVisible('[data-testid="class-unverified-note"]'));
  assert.doesNotMatch(await page.textContent('[data-testid="class-decisions"]'), /bribe_the_auditor/);
  // The same file again counts once; a file that is not a result is refused by name.
  await page.setInputFiles('[data-testid="import-results"]', [
    { name: 'again.json', mimeType: 'application/json', buffer: await readFile(farbo[0].path) },
    { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"x"}') },
  ]);
  await page.waitForFunction(() => /bad\.json/.test(document.querySelector('[data-testid="error-banner"]')?.textContent ?? ''));
  assert.match(await page.textContent('[data-testid="error-banner"]'), /counts once/);
  assert.equal(await rows(), farbo.length + 2);
  // A name of megabytes is refused before it is read; the page keeps its width.
  const huge = { ...farbo[0].json, participant: 'x'.repeat(20_000_000) };
  await page.setInputFiles('[data-testid="import-results"]', { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(huge)) });
  await page.waitForFunction(() => /huge\.json/.test(document.querySelector('[data-testid="error-banner"]')?.textContent ?? ''));
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 1280);
  // A reload keeps the board, checks and all.
  await page.reload();
  await page.click('[data-testid="mode-exercise"]');
  await page.click('[data-testid="exercise-tab-board"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="class-table"] tbody tr').length === n, farbo.length + 2);
  assert.deepEqual(await verified(), [...farbo.map(() => 'true'), 'false', 'false']);
  // Each participant has a colour and a name in the legend, visible in the projector layout too.
  const legend = await page.$$eval('[data-testid="class-legend"] li', (lis) => lis.map((li) => [li.title, getComputedStyle(li.querySelector('.swatch')).backgroundColor]));
  assert.equal(legend.length, farbo.length + 2);
  assert.equal(new Set(legend.map(([, c]) => c)).size, legend.length, 'distinct colours');
  await page.check('[data-testid="projector-toggle"]');
  assert.ok(await page.$eval('[data-testid="class-board"]', (e) => e.classList.contains('projector')));
  await page.click('[data-testid="clear-results"]');
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), []);
  await context.close();
});

test("a trainer's link opens straight into the briefing; keyboard only at 390 px", async () => {
  const { page, context } = await openAt(browser, server.url);
  await page.click('[data-testid="mode-exercise"]');
  await page.click('[data-testid="exercise-tab-author"]');
  await page.fill('[data-testid="author-title"]', 'Class of Monday');
  await page.press('[data-testid="author-title"]', 'Tab');
  // The trainer offers all but the last option, tries the exercise and records a best path.
  const offered = await page.$$('[data-testid="author-option"]');
  assert.ok(offered.length >= 4);
  await offered[offered.length - 1].uncheck();
  await page.click('[data-testid="author-try"]');
  const tried = await play(page, 'custom-default', (m, n) => (m === 0 ? n - 1 : 0));
  assert.ok(tried.weeks.length >= 1);
  await page.click('[data-testid="record-best"]');
  assert.match(await page.textContent('[data-testid="author-best"]'), /: \d+/);
  // The recorded path is checked against carrying on over many futures, in words and numbers.
  await page.waitForSelector('[data-testid="author-claim"]');
  const claim = await page.$eval('[data-testid="author-claim"]', (e) => ({ text: e.textContent, holds: e.dataset.holds, error: e.classList.contains('field-error') }));
  const [best, never] = (claim.text.match(/\d+\.\d/g) || []).map(Number);
  assert.ok(Number.isFinite(best) && Number.isFinite(never), claim.text);
  assert.equal(claim.holds, String(best >= never), claim.text);
  assert.equal(claim.error, best < never, 'a path below carrying on is flagged');
  await page.click('[data-testid="exercise-link"]');
  const url = await page.inputValue('[data-testid="exercise-url"]');
  assert.match(url, /#x=/);
  await context.close();
  const phone = await openAt(browser, url, { width: 390, height: 800 });
  await phone.page.waitForSelector('[data-testid="exercise-briefing"]');
  assert.equal((await phone.page.textContent('[data-testid="exercise-title"]')).trim(), 'Class of Monday');
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 390 px (${overflow})`);
  // Keyboard only: focus the start button, press Enter, pick an option with the keyboard.
  await phone.page.focus('[data-testid="exercise-start"]');
  await phone.page.keyboard.press('Enter');
  await phone.page.waitForSelector('[data-testid="decision-panel"]');
  assert.equal((await phone.page.$$('[data-testid="decision-option"]')).length, offered.length, 'carry on + the offered options');
  const w0 = Number(await phone.page.getAttribute('[data-testid="exercise-week"]', 'data-week'));
  await phone.page.focus('[data-testid="decision-continue"]');
  await phone.page.keyboard.press('Enter');
  await phone.page.waitForFunction((w) => {
    const el = document.querySelector('[data-testid="exercise-week"]');
    return !el || Number(el.dataset.week) > w;
  }, w0);
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});

test('the exercise mode speaks Dutch, and the model page tells trainers how to run a class', async () => {
  const { page, context, problems } = await openAt(browser, server.url);
  await page.click('[data-testid="mode-exercise"]');
  await page.selectOption('[data-testid="exercise-select"]', 'farbo-crisis');
  assert.equal((await page.textContent('[data-testid="exercise-title"]')).trim(), 'The FARBO crisis');
  await page.click('[data-testid="lang-toggle"]');
  assert.equal((await page.textContent('[data-testid="exercise-title"]')).trim(), 'De FARBO-crisis');
  assert.equal((await page.textContent('[data-testid="exercise-start"]')).trim(), 'Beginnen');
  await page.click('[data-testid="exercise-start"]');
  await page.waitForSelector('[data-testid="decision-panel"]');
  assert.match(await page.textContent('[data-testid="decision-option"]'), /Doorgaan/);
  await page.click('[data-testid="lang-toggle"]');
  await page.click('nav [role="tab"]:nth-child(2)');
  assert.match(await page.textContent('[data-testid="model-trainer"]'), /class board/);
  assert.deepEqual(problems, []);
  await context.close();
});
