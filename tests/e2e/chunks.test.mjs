// The views a first visit does not need come in chunks of their own (src/ui/lazy.rs, cut by
// scripts/ui-split.mjs): the first screen fetches none, a view fetches its chunk the first time
// it is shown and never again, and a chunk that cannot be fetched leaves the app and the user's
// scenario as they were, with a way to try again. The service worker is blocked here so that
// every fetch is the page's own (with it, every chunk is fetched ahead for offline use; the
// offline test in site.test.mjs covers that).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, waitDrawn, choosePreset } from './harness.mjs';

const { server, browser } = await startBrowser();

/** A page without the service worker; `chunks` lists the split points' chunks it fetched. */
async function openBare(query = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  const chunks = [];
  page.on('console', (m) => {
    // Playwright says so when it blocks the service worker: that is this test's set-up.
    if (/Service Worker registration blocked/.test(m.text())) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const m = r.url().match(/relsim-chunk-([a-z_0-9]+)-[0-9a-f]{16}\.wasm$/);
    if (m) chunks.push(m[1]);
  });
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('[data-testid="summary-status"]');
  return { page, context, problems, chunks };
}

test('the first screen fetches no chunk; a view fetches its own the first time it is shown', async () => {
  const { page, context, problems, chunks } = await openBare();
  await waitDrawn(page, 'chart-relationship');
  assert.deepEqual(chunks, [], 'the one-run view needs no chunk');

  await page.click('[data-testid="tab-negotiate"]');
  await page.waitForSelector('[data-testid="deal-map-run"]');
  assert.ok(chunks.includes('negotiate_tab'), `fetched: ${chunks}`);
  assert.ok(!chunks.includes('model_page') && !chunks.includes('exercises'), `only what the tab needs: ${chunks}`);
  const fetched = chunks.length;
  await page.click('[data-testid="tab-run"]');
  await page.click('[data-testid="tab-negotiate"]');
  await page.waitForSelector('[data-testid="deal-map-run"]');
  assert.equal(chunks.length, fetched, 'a chunk is fetched once');

  await page.getByRole('tab', { name: 'How the model works' }).click();
  await page.waitForSelector('[data-testid="model-trainer"]');
  assert.ok(chunks.includes('model_page'), `fetched: ${chunks}`);
  await page.click('[data-testid="mode-exercise"]');
  await page.waitForSelector('[data-testid="mode-exercise"][aria-selected="true"]');
  await page.waitForFunction(() => document.querySelector('main').innerText.length > 200);
  assert.ok(chunks.includes('exercises'), `fetched: ${chunks}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the exercise mode, made in its chunk, keeps its state while the simulator is shown', async () => {
  const { page, context, problems } = await openBare();
  await page.click('[data-testid="mode-exercise"]');
  await page.waitForSelector('[data-testid="exercise-select"]');
  const first = await page.inputValue('[data-testid="exercise-select"]');
  const other = await page.$$eval('[data-testid="exercise-select"] option', (os, f) => os.map((o) => o.value).find((v) => v && v !== f), first);
  await page.selectOption('[data-testid="exercise-select"]', other);
  await page.click('[data-testid="exercise-start"]');
  await page.waitForSelector('[data-testid="exercise-week"]');
  const week = await page.getAttribute('[data-testid="exercise-week"]', 'data-week');
  await page.getByRole('tab', { name: 'Simulate' }).click();
  await page.waitForSelector('[data-testid="summary-status"]');
  await page.click('[data-testid="mode-exercise"]');
  await page.waitForSelector('[data-testid="exercise-week"]');
  assert.equal(await page.getAttribute('[data-testid="exercise-week"]', 'data-week'), week, 'the play goes on where it was');
  assert.deepEqual(problems, []);
  await context.close();
});

test('scenarios are read in a chunk of their own: not on a first visit, once for the first preset, before the first render of a return visit', async () => {
  const { page, context, problems, chunks } = await openBare();
  await waitDrawn(page, 'chart-relationship');
  const fee = () => page.inputValue('[data-testid="fee-per-week"]');
  await page.fill('[data-testid="fee-per-week"]', '27');
  await page.locator('[data-testid="fee-per-week"]').blur();
  assert.ok(!chunks.includes('reader'), `a first visit reads nothing: ${chunks}`);

  // Blocked: the preset says why, and the scenario stays as it was.
  const blocked = /relsim-chunk-reader-/;
  await page.route(blocked, (route) => route.abort());
  await page.selectOption('[data-testid="preset-select"]', 'farbo');
  await page.waitForSelector('[data-testid="error-banner"]');
  assert.match(await page.textContent('[data-testid="error-banner"]'), /could not be loaded/);
  assert.equal(await page.getAttribute('[data-testid="preset-select"]', 'aria-busy'), 'false');
  assert.equal(Number(await fee()), 27);

  // Back online: the next choice fetches the reader, and later ones find it in.
  await page.unroute(blocked);
  await choosePreset(page, 'healthy-partnership');
  const healthy = await fee();
  assert.notEqual(Number(healthy), 27);
  await choosePreset(page, 'farbo');
  const farbo = await fee();
  assert.notEqual(farbo, healthy);
  assert.equal(chunks.filter((c) => c === 'reader').length, 2, 'one failed fetch, one that worked');

  // A return visit: the saved scenario (and the link in the address) is read before the first
  // render, so the first summary is already the saved scenario's.
  // Farbo's budget pressure is its own (saved a moment after the last edit).
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('relsim.scenario') ?? '{}').client?.budget_pressure === 0.8);
  const shown = await page.textContent('[data-testid="summary-client-cost"]');
  await page.reload();
  await page.waitForSelector('[data-testid="summary-status"]');
  assert.equal(await fee(), farbo);
  assert.equal(await page.textContent('[data-testid="summary-client-cost"]'), shown);
  assert.equal(chunks.filter((c) => c === 'reader').length, 3);
  assert.ok(problems.every((p) => /relsim-chunk-reader|Failed to fetch|net::ERR_FAILED|TypeError/.test(p)), problems.join('\n'));
  await context.close();
});

test('a chunk that cannot be fetched: the view says so in the chosen language, the scenario stays, a retry loads it', async () => {
  const { page, context, problems } = await openBare();
  await page.fill('[data-testid="fee-per-week"]', '27');
  await page.locator('[data-testid="fee-per-week"]').blur();
  const blocked = /relsim-chunk-model_page-/;
  await page.route(blocked, (route) => route.abort());

  await page.getByRole('tab', { name: 'How the model works' }).click();
  const failed = page.locator('[data-testid="view-failed"]');
  await failed.waitFor();
  assert.equal(await failed.getAttribute('role'), 'alert');
  const english = await failed.innerText();
  assert.match(english, /could not be loaded/);
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction((en) => document.querySelector('[data-testid="view-failed"]').innerText !== en, english);
  assert.match(await failed.innerText(), /kon niet worden geladen/);
  await page.click('[data-testid="lang-toggle"]');

  // Back online: the retry fetches the chunk and shows the page.
  await page.unroute(blocked);
  await page.click('[data-testid="view-retry"]');
  await page.waitForSelector('[data-testid="model-trainer"]');
  assert.equal(await page.locator('[data-testid="view-failed"]').count(), 0);
  // The rest of the app kept the user's input.
  await page.getByRole('tab', { name: 'Simulate' }).click();
  assert.equal(Number(await page.inputValue('[data-testid="fee-per-week"]')), 27);
  // The failed fetch is the one console error a failed chunk leaves.
  assert.ok(problems.every((p) => /relsim-chunk-model_page|Failed to fetch|net::ERR_FAILED|TypeError/.test(p)), problems.join('\n'));
  await context.close();
});

test('without workers the page fetches its own simulation once; if it cannot, the job stops with a message', async () => {
  const { page, context, chunks } = await openBare('?workers=0');
  const blocked = /relsim-chunk-page_runner-/;
  await page.route(blocked, (route) => route.abort());
  await page.click('[data-testid="tab-ensemble"]');
  await page.waitForSelector('[data-testid="error-banner"]');
  assert.match(await page.textContent('[data-testid="error-banner"]'), /could not be loaded/);
  assert.equal(await page.locator('[data-testid="progress"]').count(), 0, 'no job left hanging');
  await page.unroute(blocked);
  // The next input tries again, and the ensemble is computed on the page.
  await page.fill('[data-testid="ensemble-runs"]', '300');
  await page.dispatchEvent('[data-testid="ensemble-runs"]', 'change');
  await page.waitForFunction(() => {
    const v = document.querySelector('[data-testid="ensemble-summary"]')?.dataset.summary;
    return v && JSON.parse(v).runs === 300;
  });
  assert.equal(chunks.filter((c) => c === 'page_runner').length, 2, 'one failed fetch, one that worked');
  await context.close();
});
