// The self-service website: the guided tour in both languages, embeds, offline use after a first
// visit (also under a sub-path), the printed report, chart tables against the CSV export,
// axe-core on every view, and no request leaving 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, choosePreset } from './harness.mjs';
import { open, offHost, axe, inked, pixels, parseCsv, readNumber, pdfPages } from './site-helpers.mjs';

let server;
let browser;
const report = {};
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
  console.log(`site measurements: ${JSON.stringify(report, null, 1)}`);
});

const idle = (page) => page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 120000 });
const stepText = (page) => page.textContent('[data-testid="tour-step"]');
const TOUR = '[data-testid="tour-chart"]';

/** Moves the step's one control to another value and returns the chart before and after. */
async function play(page) {
  const before = await pixels(page, TOUR);
  const controls = await page.$$('[data-testid="tour-control"]');
  assert.equal(controls.length, 1, 'one control per step');
  const tag = await controls[0].evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    const values = await controls[0].evaluate((el) => [...el.options].map((o) => o.value));
    const now = await controls[0].inputValue();
    await controls[0].selectOption(values.find((v) => v !== now));
  } else {
    await controls[0].evaluate((el) => {
      const [min, max] = [Number(el.min), Number(el.max)];
      el.value = String(Number(el.value) - min > (max - min) / 2 ? min : max);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  await page.waitForFunction(([sel, old]) => document.querySelector(sel).toDataURL() !== old, [TOUR, before]);
  return before;
}

async function walkTour(page, lang) {
  const titles = [];
  const outcomes = [];
  for (let n = 1; n <= 8; n++) {
    assert.match(await stepText(page), new RegExp(`(^|\\D)${n} / 8(?!\\d)`), `step ${n} in ${lang}`);
    assert.ok((await inked(page, TOUR)) > 3000, `step ${n} draws its chart`);
    // Every line and band of the step's chart has its legend; the relationship chart's two
    // strips (status below, type above) theirs, in words.
    const legend = await page.textContent('[data-testid="tour-legend"]');
    assert.ok(legend.trim().length > 10, `step ${n}: legend "${legend}"`);
    if (await page.$('[data-testid="tour-legend"] [data-testid="strip-legend"]')) {
      const strips = await page.$$eval('[data-testid="strip-legend"] ul', (uls) => uls.map((u) => u.children.length));
      assert.deepEqual(strips, [6, 5], `step ${n}: five statuses and four types, each list with its heading`);
    }
    outcomes.push(await page.textContent('[data-testid="tour-outcome"]'));
    await play(page);
    titles.push(await page.textContent('#tour-step-title'));
    if (lang === 'en') assert.deepEqual(await axe(page), [], `axe on tour step ${n}`);
    if (n < 8) {
      // Keyboard: the next button works with Enter, and focus lands on the new step's title.
      await page.focus('[data-testid="tour-next"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction((k) => document.querySelector('[data-testid="tour-step"]').textContent.includes(`${k} / 8`), n + 1);
      await page.waitForFunction(() => document.activeElement?.id === 'tour-step-title');
    }
  }
  assert.equal(await page.$('[data-testid="tour-next"]'), null, 'no next on the last step');
  await page.click('[data-testid="tour-prev"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="tour-step"]').textContent.includes('7 / 8'));
  await page.click('[data-testid="tour-next"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="tour-step"]').textContent.includes('8 / 8'));
  assert.equal(new Set(titles).size, 8, 'eight different steps');
  // Each step's outcome line shows the number its lesson is about, not one line for all.
  assert.ok(new Set(outcomes.map((o) => o.split('·')[1])).size >= 6, `outcome lines: ${outcomes.join(' | ')}`);
  return titles;
}

test('the tour in English: offered on a first visit, eight live steps, opens the full app', async () => {
  const { page, context, problems, requests } = await open(browser, server.url);
  await page.waitForSelector('[data-testid="welcome"]');
  await page.click('[data-testid="welcome-tour"]');
  const titles = await walkTour(page, 'en');
  // The last step's contract travels into the full simulator.
  const last = await page.inputValue('[data-testid="tour-control"]');
  await page.click('[data-testid="tour-finish"]');
  await page.waitForSelector('[data-testid="summary-status"]');
  assert.equal(await page.inputValue('[data-testid="obligation-select"]'), last === '1' ? 'result' : 'effort');
  assert.ok((await inked(page, '[data-testid="chart-relationship"]')) > 3000);
  // The simulator keeps the strips' legend; the address no longer asks for the tour.
  assert.ok(await page.isVisible('[data-testid="strip-legend"]'));
  // Always reachable, and a second visit is not greeted again.
  await page.reload();
  await page.waitForSelector('[data-testid="summary-status"]');
  assert.equal(await page.$('[data-testid="welcome"]'), null);
  await page.click('[data-testid="mode-tour"]');
  assert.match(await stepText(page), /1 \/ 8/);
  assert.deepEqual(problems, []);
  assert.deepEqual(offHost(requests), []);
  report.tour_titles_en = titles.length;
  await context.close();
});

test('the tour in Dutch at 390 px: own texts, no sideways scrolling, time to the first chart', async () => {
  const start = Date.now();
  const { page, context, problems, requests } = await open(browser, `${server.url}?tour`, { viewport: { width: 390, height: 844 }, waitFor: TOUR });
  await page.waitForFunction((sel) => {
    const c = document.querySelector(sel);
    if (!c || !c.width) return false;
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [c.width, c.height];
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200) n++;
    return n > 3000;
  }, TOUR);
  report.first_tour_chart_ms = { wall: Date.now() - start, in_page: Math.round(await page.evaluate(() => performance.now())) };
  const english = await page.textContent('#tour-step-title');
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.notEqual(await page.textContent('#tour-step-title'), english);
  assert.match(await stepText(page), /Stap 1 \/ 8/);
  const titles = await walkTour(page, 'nl');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'fits 390 px');
  assert.match(await page.textContent('[data-testid="tour-finish"]'), /simulator/);
  await page.click('[data-testid="tour-finish"]');
  await page.waitForSelector('[data-testid="summary-status"]');
  // Opened with ?tour: leaving the tour leaves it out of the address, and a reload stays in the
  // simulator with the tour's scenario.
  await page.waitForFunction(() => !/[?&]tour(=|&|$)/.test(location.search));
  await page.reload();
  await page.waitForSelector('[data-testid="summary-status"]');
  assert.equal(await page.$('[data-testid="tour-step"]'), null);
  assert.deepEqual(problems, []);
  assert.deepEqual(offHost(requests), []);
  report.tour_titles_nl = titles.length;
  await context.close();
});

test('embeds: the embed code shows the chosen chart on the linked scenario, without the editor', async () => {
  const { page, context, problems, requests } = await open(browser, server.url);
  await choosePreset(page, 'healthy-partnership');
  await page.click('[data-testid="embed-code"]');
  await page.selectOption('[data-testid="embed-which"]', 'trust');
  const snippet = await page.inputValue('[data-testid="embed-snippet"]');
  assert.match(snippet, /^<iframe src="[^"]+" title="Relsim — [^"]+"/);
  const src = snippet.match(/src="([^"]+)"/)[1];
  assert.match(src, /[?&]embed=trust/);
  const status = await page.textContent('[data-testid="summary-status"]');

  const host = await context.newPage();
  await host.setContent(snippet);
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('[data-testid="chart-trust"]');
  assert.equal(await frame.$('[data-testid="preset-select"]'), null);
  assert.equal(await frame.$('[data-testid="chart-relationship"]'), null);

  // The fragment form with two charts and the controls, on the same scenario.
  const encoded = src.split('#s=')[1];
  const embed = await context.newPage();
  await embed.goto(`${server.url}#embed=relationship,money&controls=1&s=${encoded}`);
  await embed.waitForSelector('[data-testid="chart-money"]');
  assert.equal(await embed.$('[data-testid="preset-select"]'), null);
  assert.ok((await inked(embed, '[data-testid="chart-relationship"]')) > 3000);
  const drawn = await pixels(embed, '[data-testid="chart-money"]');
  await embed.selectOption('[data-testid="obligation-select"]', 'effort');
  await embed.waitForFunction((old) => document.querySelector('[data-testid="chart-money"]').toDataURL() !== old, drawn);
  assert.deepEqual(await axe(embed), [], 'embed passes axe');
  // A whole view: many futures of the linked scenario.
  await embed.goto(`${server.url}?embed=ensemble#s=${encoded}`);
  await embed.waitForSelector('[data-testid="ensemble-ms"]');
  await embed.waitForFunction(() => document.querySelector('[data-testid="ensemble-ms"]')?.textContent.trim() !== '', null, { timeout: 120000 });
  assert.ok((await inked(embed, '[data-testid="chart-fan"]')) > 3000);
  assert.equal(await embed.$('[data-testid="preset-select"]'), null);
  assert.equal(await embed.$('[data-testid="tab-run"]'), null);
  assert.deepEqual(await axe(embed), [], 'embedded view passes axe');
  // The linked scenario is shown, and the embed leaves the visitor's saved scenario alone.
  await page.reload();
  await page.waitForSelector('[data-testid="summary-status"]');
  assert.equal(await page.textContent('[data-testid="summary-status"]'), status);
  assert.equal(await page.inputValue('[data-testid="obligation-select"]'), 'result');
  assert.deepEqual(problems, []);
  assert.deepEqual(offHost(requests), []);
  await context.close();
});

/** Waits until the service worker controls the page and has cached what index.html needs. */
async function cached(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  return page.waitForFunction(async () => {
    // One cache, named after this release (scripts/sw-release.mjs).
    const names = (await caches.keys()).filter((k) => /^relsim-[0-9a-f]{12}$/.test(k));
    if (names.length !== 1) return false;
    const cache = await caches.open(names[0]);
    const keys = (await cache.keys()).map((r) => r.url);
    if (!keys.some((u) => u.endsWith('.wasm')) || !keys.some((u) => u.endsWith('.js'))) return false;
    let bytes = 0;
    for (const k of keys) bytes += (await (await cache.match(k)).arrayBuffer()).byteLength;
    return { files: keys.length, bytes };
  }, null, { timeout: 60000, polling: 250 }).then((h) => h.jsonValue());
}

test('offline: after a first visit the app reloads without a network, also under a sub-path', async () => {
  const { page, context, problems, requests } = await open(browser, server.url);
  report.service_worker_cache = await cached(page);
  // Installable: Chromium finds a manifest with icons and a worker that serves the page.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // (Playwright's contexts are incognito, where Chromium never offers installation.)
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);
  // A release's worker deletes every other release's cache when it takes over: here an older
  // release's cache, and the worker installed afresh.
  await page.evaluate(async () => {
    await (await caches.open('relsim-0123456789ab')).put('./old.js', new Response('old'));
    await (await navigator.serviceWorker.getRegistration()).unregister();
  });
  await page.reload();
  await page.waitForSelector('[data-testid="summary-status"]');
  await cached(page);
  await page.waitForFunction(async () => !(await caches.keys()).includes('relsim-0123456789ab'), null, { timeout: 30000 });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid="summary-status"]');
  assert.ok((await inked(page, '[data-testid="chart-relationship"]')) > 3000, 'drawn offline');
  await page.goto(`${server.url}?tour`);
  await page.waitForSelector(TOUR);
  assert.deepEqual(problems, []);
  assert.deepEqual(offHost(requests), []);
  await context.close();

  // A static host serving the folder under /apps/relsim/: relative URLs and the worker's scope.
  const root = await mkdtemp(join(tmpdir(), 'relsim-site-'));
  await cp('dist', join(root, 'apps', 'relsim'), { recursive: true });
  const sub = await serve(root);
  try {
    const s = await open(browser, `${sub.url}apps/relsim/`);
    const scope = await s.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.match(scope, /\/apps\/relsim\/$/);
    await cached(s.page);
    await s.context.setOffline(true);
    await s.page.reload();
    await s.page.waitForSelector('[data-testid="summary-status"]');
    assert.deepEqual(s.problems, []);
    await s.context.close();
  } finally {
    sub.close();
    await rm(root, { recursive: true, force: true });
  }
});

test('icons: separate any and maskable icons, the maskable art inside the safe zone', async () => {
  const manifest = JSON.parse(await readFile('dist/manifest.json', 'utf8'));
  const purposes = manifest.icons.map((i) => i.purpose);
  assert.ok(purposes.every((p) => p === 'any' || p === 'maskable'), `one purpose per icon: ${purposes}`);
  const maskable = manifest.icons.filter((i) => i.purpose === 'maskable');
  assert.deepEqual(maskable.map((i) => i.sizes).sort(), ['192x192', '512x512']);
  assert.ok(manifest.icons.some((i) => i.purpose === 'any' && i.type === 'image/png'));
  const { page, context } = await open(browser, server.url);
  for (const icon of maskable) {
    // Every pixel outside the safe zone (a circle of 40 % of the size around the centre) is
    // the background: launchers may cut anything there away.
    const outside = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const n = img.naturalWidth;
      const c = new OffscreenCanvas(n, n).getContext('2d');
      c.drawImage(img, 0, 0);
      const d = c.getImageData(0, 0, n, n).data;
      const bg = [d[0], d[1], d[2]];
      let art = 0;
      for (let y = 0; y < n; y++) {
        for (let x = 0; x < n; x++) {
          if (Math.hypot(x + 0.5 - n / 2, y + 0.5 - n / 2) <= 0.4 * n) continue;
          const i = 4 * (y * n + x);
          if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 12) art++;
        }
      }
      return { n, art, bg };
    }, icon.src);
    assert.equal(outside.n, Number(icon.sizes.split('x')[0]));
    assert.equal(outside.art, 0, `${icon.src}: ${outside.art} pixels of art outside the safe zone`);
  }
  await context.close();
});

test('the printed report: 1–2 A4 pages in the chosen language, with the odds once computed', async () => {
  const { page, context, problems } = await open(browser, server.url);
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  await choosePreset(page, 'farbo');
  await page.click('[data-testid="print-report"]');
  await page.waitForFunction(() => window.printed === 1);
  await page.waitForFunction(() => [...document.querySelectorAll('.report img')].filter((i) => i.complete && i.naturalWidth > 0).length === 4);
  let text = await page.textContent('[data-testid="report"]');
  assert.match(text, /Inputs that differ from the defaults/);
  assert.match(text, /Status at the end/);
  assert.doesNotMatch(text, /Odds over many futures/);
  let pages = pdfPages(await page.pdf({ format: 'A4' }));
  assert.ok(pages >= 1 && pages <= 2, `English report: ${pages} pages`);
  report.pdf_pages = { en: pages };

  await page.click('[data-testid="lang-toggle"]');
  await page.click('[data-testid="tab-ensemble"]');
  await page.waitForSelector('[data-testid="ensemble-ms"]');
  await idle(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="ensemble-ms"]')?.textContent.trim() !== '');
  await page.click('[data-testid="print-report"]');
  await page.waitForFunction(() => window.printed === 2);
  await page.waitForFunction(() => document.querySelector('[data-testid="report"]').textContent.includes('Kansen'));
  text = await page.textContent('[data-testid="report"]');
  assert.match(text, /Invoer die afwijkt van de standaard/);
  assert.match(text, /Afgedrukt op \d{1,2} [a-z]+ \d{4}/);
  assert.match(text, /Kansen over vele toekomsten \(500 toekomsten\)/);
  pages = pdfPages(await page.pdf({ format: 'A4' }));
  assert.ok(pages >= 1 && pages <= 2, `Dutch report with odds: ${pages} pages`);
  report.pdf_pages.nl_with_odds = pages;
  // Odds of an older scenario never appear in the report of a changed one.
  await page.click('[data-testid="tab-run"]');
  await choosePreset(page, 'healthy-partnership');
  await page.click('[data-testid="print-report"]');
  await page.waitForFunction(() => window.printed === 3);
  await page.waitForFunction(() => document.querySelector('[data-testid="report"]').textContent.includes('healthy partnership'));
  assert.doesNotMatch(await page.textContent('[data-testid="report"]'), /Kansen/);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const lang of ['en', 'nl']) {
  test(`chart tables match the CSV export (${lang})`, async () => {
    const { page, context, problems } = await open(browser, server.url);
    if (lang === 'nl') await page.click('[data-testid="lang-toggle"]');
    await choosePreset(page, 'farbo');
    const download = page.waitForEvent('download');
    await page.click('[data-testid="export-csv"]');
    const raw = await readFile(await (await download).path(), 'utf8');
    // UTF-8 with a byte-order mark, so that Excel on Windows reads k€ and accents right.
    assert.equal(raw.charCodeAt(0), 0xfeff, 'the CSV starts with a byte-order mark');
    const csv = parseCsv(raw.slice(1));
    const cards = await page.$$('.chart-card');
    assert.equal(cards.length, 4);
    for (const card of cards) {
      await (await card.$('[data-testid="show-table"]')).click();
      const table = await card.waitForSelector('[data-testid="chart-table"]');
      const cols = await table.$$eval('thead th[data-csv]', (ths) => ths.map((th) => th.dataset.csv));
      const rows = await table.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      assert.ok(rows.length >= 40 && rows.length <= 60, `${rows.length} rows`);
      const cumulative = Object.fromEntries(cols.map((c) => [c, []]));
      for (const c of cols) {
        let sum = 0;
        for (const r of csv) cumulative[c].push((sum += Number(r[c])));
      }
      for (const row of rows) {
        const week = readNumber(row[0], lang);
        cols.forEach((c, i) => {
          const shown = readNumber(row[i + 1], lang);
          const money = c === 'client_cost' || c === 'supplier_margin';
          const want = money ? cumulative[c][week] : Number(csv[week][c]) * 100;
          assert.ok(Math.abs(shown - want) <= (money ? 0.06 + week * 0.001 : 0.06), `${c} week ${week}: table ${row[i + 1]} csv ${want}`);
          if (money && Math.abs(want) >= 1000) {
            assert.match(row[i + 1], lang === 'nl' ? /^-?\d{1,3}(\.\d{3})+,\d$/ : /^-?\d{1,3}(,\d{3})+\.\d$/, `${lang} separators`);
          }
        });
      }
      // A one-sentence summary for screen readers, tied to the canvas.
      const summary = await card.$eval('canvas', (c) => document.getElementById(c.getAttribute('aria-describedby'))?.textContent ?? '');
      assert.match(summary, lang === 'nl' ? /gaat van .* in week 0 naar .*laagste.*hoogste/ : /goes from .* in week 0 to .*lowest.*highest/);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('charts of many futures have tables too: shares add up, differences match both fans', async () => {
  const { page, context, problems } = await open(browser, server.url);
  await page.click('[data-testid="tab-ensemble"]');
  await page.waitForSelector('[data-testid="ensemble-ms"]');
  await idle(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="ensemble-ms"]')?.textContent.trim() !== '');
  const buttons = await page.$$('[data-testid="show-table"]');
  assert.equal(buttons.length, 3, 'fan, status, survival');
  for (const b of buttons) await b.click();
  const status = await page.$$eval('[data-testid="chart-table"][data-chart="chart-status"] tbody tr',
    (trs) => trs.map((tr) => [...tr.children].slice(1).map((c) => Number(c.textContent))));
  assert.ok(status.length >= 40, `${status.length} rows`);
  for (const row of status) assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 100) < 0.3, `shares ${row}`);
  const fan = await page.$$eval('[data-testid="chart-table"][data-chart="chart-fan"] tbody tr',
    (trs) => trs.map((tr) => [...tr.children].slice(1).map((c) => Number(c.textContent))));
  for (const [median, p10, p90] of fan) assert.ok(p10 <= median && median <= p90, `${p10} ≤ ${median} ≤ ${p90}`);
  const summary = await page.$eval('[data-testid="chart-fan"]', (c) => document.getElementById(c.getAttribute('aria-describedby')).textContent);
  assert.match(summary, /^Median goes from/);
  assert.deepEqual(await axe(page), []);
  // Compare: the difference table is B's median minus A's, as the fan table shows them.
  await page.click('[data-testid="tab-compare"]');
  await page.selectOption('[data-testid="preset-b"]', 'healthy-partnership');
  await idle(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table"] tbody tr').length === 8);
  for (const b of await page.$$('[data-testid="show-table"]')) await b.click();
  const read = (id) => page.$$eval(`[data-testid="chart-table"][data-chart="${id}"] tbody tr`,
    (trs) => trs.map((tr) => [...tr.children].map((c) => Number(c.textContent.replace('−', '-')))));
  const both = await read('chart-compare-fan');
  const diff = await read('chart-difference');
  assert.equal(both.length, diff.length);
  assert.ok(diff.some((r) => Math.abs(r[1]) > 1), 'the scenarios differ');
  both.forEach((r, i) => assert.ok(Math.abs(r[4] - r[1] - diff[i][1]) <= 0.15, `week ${r[0]}: ${r[4]} − ${r[1]} vs ${diff[i][1]}`));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core: zero violations on every view', async () => {
  const { page, context, problems, requests } = await open(browser, server.url);
  const results = {};
  const check = async (view) => {
    results[view] = await axe(page);
  };
  await check('welcome + one run');
  await page.click('[data-testid="welcome-dismiss"]');
  await page.click('.chart-card [data-testid="show-table"]');
  await page.click('[data-testid="embed-code"]');
  await check('one run with table and embed code');
  // Each view comes in a chunk the first time: wait for one of its own elements before the audit.
  await page.click('[data-testid="tab-ensemble"]');
  await page.waitForSelector('[data-testid="ensemble-runs"]');
  await idle(page);
  await check('many futures');
  await page.click('[data-testid="tab-compare"]');
  await page.waitForSelector('[data-testid="preset-b"]');
  await idle(page);
  await check('compare');
  await page.click('[data-testid="tab-negotiate"]');
  await page.waitForSelector('[data-testid="deal-map-run"]');
  await check('negotiate');
  await page.click('[data-testid="tab-why"]');
  await page.waitForSelector('[data-testid="why-from"]');
  await check('why');
  await page.click('nav [role="tab"]:nth-child(2)');
  await page.waitForSelector('[data-testid="model-trainer"]');
  await check('model page');
  await page.click('[data-testid="mode-exercise"]');
  await page.waitForSelector('[data-testid="exercise-start"]');
  await check('exercise briefing');
  await page.click('[data-testid="exercise-start"]');
  await page.waitForSelector('[data-testid="decision-panel"]');
  await check('exercise decision');
  await page.click('[data-testid="exercise-tab-board"]');
  await page.waitForSelector('[data-testid="import-results"]', { state: 'attached' });
  await check('class board');
  await page.click('[data-testid="exercise-tab-author"]');
  await check('exercise authoring');
  await page.click('[data-testid="mode-tour"]');
  await page.waitForSelector(TOUR);
  await check('tour');
  await page.click('[data-testid="lang-toggle"]');
  await check('tour (nl)');
  await page.goto(`${server.url}?embed=all&controls=1`);
  await page.waitForSelector('[data-testid="chart-money"]');
  await check('embed');
  report.axe = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.length]));
  for (const [view, v] of Object.entries(results)) assert.deepEqual(v, [], `axe on ${view}`);
  assert.deepEqual(problems, []);
  assert.deepEqual(offHost(requests), []);
  await context.close();
});
