// Links and saving: a damaged link is reported and overwrites nothing; edits are saved to the
// address and local storage once the user pauses, not on every slider step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, openPage } from './harness.mjs';

const { server, browser } = await startBrowser();

const stored = (page) => page.evaluate(() => localStorage.getItem('relsim.scenario') ?? '');

test('a link with bad percent-encoding shows an error and keeps the saved scenario', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.fill('[data-testid="fee-per-week"]', '25');
  await page.press('[data-testid="fee-per-week"]', 'Enter');
  await page.waitForFunction(() => (localStorage.getItem('relsim.scenario') ?? '').includes('"fee_per_week":25'));
  const saved = await stored(page);

  const bad = `${server.url}#s=%7B%22weeks%22%3A%G1%7D`;
  const other = await context.newPage();
  await other.goto(bad);
  await other.waitForSelector('[data-testid="summary-status"]');
  const banner = await other.textContent('[data-testid="error-banner"]');
  assert.match(banner, /percent-encoding/);
  assert.equal(parseFloat(await other.inputValue('[data-testid="fee-per-week"]')), 25, 'the saved scenario is shown');
  // Longer than the save delay: still nothing written over.
  await other.waitForTimeout(1000);
  assert.equal(await stored(other), saved, 'local storage keeps the saved work');
  assert.equal(other.url(), bad, 'the damaged link stays in the address');
  await context.close();
});

test('a stored scenario that cannot be read is reported, not silently replaced', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.evaluate(() => localStorage.setItem('relsim.scenario', '{"weeks": "many"}'));
  const other = await context.newPage();
  await other.goto(server.url);
  await other.waitForSelector('[data-testid="summary-status"]');
  assert.match(await other.textContent('[data-testid="error-banner"]'), /weeks/);
  await other.waitForTimeout(1000);
  assert.equal(await stored(other), '{"weeks": "many"}');
  await context.close();
});

test('a run of quick edits is saved once, after the pause', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__replaced = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => {
      window.__replaced += 1;
      return replace(...args);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="summary-status"]');
  // Twenty input events 20 ms apart, like a slider being dragged.
  await page.evaluate(async () => {
    const el = document.querySelector('[data-testid="fee-per-week"]');
    for (let v = 21; v <= 40; v += 1) {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  await page.waitForFunction(() => location.hash.includes('fee_per_week%22%3A40'));
  assert.ok((await stored(page)).includes('"fee_per_week":40'));
  const replaced = await page.evaluate(() => window.__replaced);
  assert.ok(replaced >= 1 && replaced <= 3, `${replaced} address updates for 20 edits`);
  await context.close();
});

test('a link with a value out of range names the field and range in the chosen language', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.evaluate(() => localStorage.setItem('relsim.lang', 'nl'));
  const link = `${server.url}#s=${encodeURIComponent(JSON.stringify({ weeks: 600 }))}`;
  const other = await context.newPage();
  await other.goto(link);
  await other.waitForSelector('[data-testid="error-banner"]');
  const nl = await other.textContent('[data-testid="error-banner"]');
  assert.match(nl, /600/);
  assert.match(nl, /toegestane bereik 1 – 520/);
  assert.doesNotMatch(nl, /outside the allowed range/);
  await other.evaluate(() => localStorage.setItem('relsim.lang', 'en'));
  await other.reload();
  await other.waitForSelector('[data-testid="error-banner"]');
  assert.match(await other.textContent('[data-testid="error-banner"]'), /600 is outside the allowed range 1 – 520/);
  await context.close();
});

test('copy link without a clipboard (a plain http:// intranet address): the link is selected, the page says so, no error', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // As on an http:// host other than this machine: the browser gives pages no clipboard.
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="summary-status"]');
  assert.equal(await page.evaluate(() => navigator.clipboard), undefined);
  for (const fee of ['21', '22']) {
    // Twice, with an edit between: the second click used to panic and freeze the link box.
    await page.fill('[data-testid="fee-per-week"]', fee);
    await page.press('[data-testid="fee-per-week"]', 'Enter');
    await page.click('[data-testid="share-link"]');
    await page.waitForSelector('[data-testid="share-by-hand"]');
    await page.waitForFunction((f) => document.querySelector('[data-testid="share-url"]').value.includes(`%22fee_per_week%22%3A${f}`)
      || decodeURIComponent(document.querySelector('[data-testid="share-url"]').value).includes(`"fee_per_week":${f}`), fee);
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="share-url"]');
      return document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === el.value.length;
    });
  }
  assert.match(await page.textContent('[data-testid="share-by-hand"]'), /Ctrl\+C/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the banner tells its problem again in the language the user switches to', async () => {
  const { page, context } = await openPage(browser, `${server.url}#s=${encodeURIComponent(JSON.stringify({ weeks: 600 }))}`);
  await page.waitForSelector('[data-testid="error-banner"]');
  assert.match(await page.textContent('[data-testid="error-banner"]'), /600 is outside the allowed range 1 – 520/);
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  const nl = await page.textContent('[data-testid="error-banner"]');
  assert.match(nl, /600 valt buiten het toegestane bereik 1 – 520/);
  assert.doesNotMatch(nl, /outside/);
  await context.close();
});

test('views live in the address: Back and Forward move between them, a link opens one', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const selected = () => page.evaluate(() => [...document.querySelectorAll('[role="tab"][aria-selected="true"]')].map((t) => t.dataset.testid).join(' '));
  await page.click('[data-testid="tab-compare"]');
  await page.waitForFunction(() => location.search === '?tab=compare');
  await page.click('[data-testid="mode-model"]');
  await page.waitForFunction(() => location.search.includes('page=model'));
  await page.waitForSelector('[data-testid="robust-table"]');
  await page.goBack();
  await page.waitForFunction(() => location.search === '?tab=compare');
  await page.waitForSelector('[data-testid="compare-table"]');
  assert.match(await selected(), /mode-simulate/);
  assert.match(await selected(), /tab-compare/);
  await page.goBack();
  await page.waitForFunction(() => location.search === '');
  assert.match(await selected(), /tab-run/);
  await page.goForward();
  await page.waitForSelector('[data-testid="compare-table"]');
  // A copied link opens the view it was copied from, with its scenario.
  await page.fill('[data-testid="fee-per-week"]', '23');
  await page.press('[data-testid="fee-per-week"]', 'Enter');
  await page.click('[data-testid="share-link"]');
  const link = await page.inputValue('[data-testid="share-url"]');
  assert.match(link, /\?tab=compare#s=/);
  const other = await context.newPage();
  await other.goto(link);
  await other.waitForSelector('[data-testid="compare-table"]');
  assert.equal(parseFloat(await other.inputValue('[data-testid="fee-per-week"]')), 23);
  await other.goto(`${server.url}?page=exercise`);
  await other.waitForSelector('[data-testid="exercise-select"], [data-testid="exercise-briefing"], [data-testid="exercise-start"]');
  assert.deepEqual(problems, []);
  await context.close();
});
