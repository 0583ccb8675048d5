// Shared set-up for the browser tests: a static server for dist/ on 127.0.0.1 and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { after } from 'node:test';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** Serves `dir` on 127.0.0.1 (at `port`, or a free one); resolves to { url, close }. */
export function serve(dir = 'dist', port = 0) {
  const root = normalize(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(root, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    const target = path.endsWith('/') ? join(file, 'index.html') : file;
    try {
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    });
  });
}

/** Launches Debian's Chromium headless with the flags that keep it off the network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Starts the static server for `dir` and Chromium for one test file and closes both after its
 * tests: `const { server, browser } = await startBrowser();` at the top of the file.
 */
export async function startBrowser(dir = 'dist') {
  const server = await serve(dir);
  const browser = await launch();
  after(async () => {
    await browser.close();
    server.close();
  });
  return { server, browser };
}

/** Opens a page that collects console errors/warnings and requests to other hosts. */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const origin = new URL(url).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(`${origin}/`) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) {
      problems.push(`request to another host: ${r.url()}`);
    }
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid="summary-status"]');
  return { page, context, problems };
}

/** Waits until the canvas `testid` has been drawn more than `after` times (its `data-drawn`). */
export function waitDrawn(page, testid, after = 0) {
  return page.waitForFunction(([id, n]) => {
    const c = document.querySelector(`[data-testid="${id}"]`);
    return c && Number(c.dataset.drawn ?? 0) > n;
  }, [testid, after]);
}

/** How often the canvas `testid` has been drawn so far. */
export async function drawnCount(page, testid) {
  return Number((await page.getAttribute(`[data-testid="${testid}"]`, 'data-drawn')) ?? 0);
}

/**
 * What a chart draws from data, read from its pixels. The frame every chart has (white ground,
 * grey grid, dark axes and labels) is the chart drawn without data; what data adds is lines,
 * bands and bars in the series' colours. The series' colours are read from the chart's
 * own legend: solid swatches, except colours the legend also shows dashed (a dashed line may be
 * a scenario constant such as a bound or a target); bands and thin sample lines are faint. A
 * pixel counts for a colour when it lies on the blend from white to that colour at least
 * halfway (anti-aliasing blends lines with the white ground). Charts without a legend count
 * strongly coloured pixels instead, which the neutral frame never has.
 *
 * Returns { colours, coverage, each }: the fraction of the plot's pixel columns holding a pixel
 * of any series colour, and per colour the fraction of columns holding it.
 */
export function dataCoverage(page, testid) {
  return page.evaluate((id) => {
    const c = document.querySelector(`[data-testid="${id}"]`);
    const card = c.closest('.card');
    const swatches = [...(card?.querySelectorAll('.legend .swatch') ?? [])]
      .map((s) => ({ kind: s.className, hex: s.style.getPropertyValue('--c').trim().toLowerCase() }))
      .filter((s) => s.hex.startsWith('#'));
    // A colour that the legend also shows dashed may be a constant line (a target, a ceiling);
    // band and strip swatches key areas and strips of cells, not lines.
    const dashed = new Set(swatches.filter((s) => /\bdashed\b/.test(s.kind)).map((s) => s.hex));
    const colours = swatches
      .filter((s) => !/\b(dashed|band|thin|strip)\b/.test(s.kind) && !dashed.has(s.hex))
      .map(({ hex }) => {
        const h = hex.length === 4 ? hex.slice(1).split('').map((x) => x + x).join('') : hex.slice(1);
        return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
      });
    const ratio = c.width / c.getBoundingClientRect().width;
    // The plot area inside the frame's margins (PLOT_LEFT/RIGHT/TOP/BOTTOM in src/chart/mod.rs),
    // a few pixels in so that the axis lines themselves are left out.
    const x0 = Math.ceil((52 + 3) * ratio);
    const x1 = Math.floor(c.width - (10 + 3) * ratio);
    const y0 = Math.ceil(10 * ratio);
    const y1 = Math.floor(c.height - (30 + 3) * ratio);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const matches = (r, g, b, [cr, cg, cb]) => {
      const [wr, wg, wb] = [255 - cr, 255 - cg, 255 - cb];
      const len2 = wr * wr + wg * wg + wb * wb;
      const [pr, pg, pb] = [255 - r, 255 - g, 255 - b];
      const t = (pr * wr + pg * wg + pb * wb) / len2;
      if (t < 0.5 || t > 1.15) return false;
      const [er, eg, eb] = [pr - t * wr, pg - t * wg, pb - t * wb];
      return er * er + eg * eg + eb * eb <= 24 * 24;
    };
    const coloured = (r, g, b) => Math.max(r, g, b) - Math.min(r, g, b) >= 80;
    const perColour = colours.map(() => 0);
    let any = 0;
    for (let x = x0; x < x1; x++) {
      const seen = colours.map(() => false);
      let hit = false;
      for (let y = y0; y < y1; y++) {
        const i = (y * c.width + x) * 4;
        const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
        if (colours.length === 0) {
          if (coloured(r, g, b)) hit = true;
        } else {
          colours.forEach((col, k) => {
            if (!seen[k] && matches(r, g, b, col)) { seen[k] = true; hit = true; }
          });
        }
      }
      seen.forEach((s, k) => { if (s) perColour[k]++; });
      if (hit) any++;
    }
    const n = Math.max(1, x1 - x0);
    return { colours: colours.map((x) => x.join(',')), coverage: any / n, each: perColour.map((v) => v / n) };
  }, testid);
}

/**
 * Asserts that the chart `testid` draws data across at least `min` of its plot's width, and each
 * of its legend's series across at least half of it (lines may hide each other where equal).
 */
export async function assertDrawsData(assert, page, testid, min = 0.9) {
  const r = await dataCoverage(page, testid);
  assert.ok(r.coverage >= min, `${testid}: data drawn across ${(r.coverage * 100).toFixed(0)}% of the plot (${JSON.stringify(r)})`);
  for (const [k, share] of r.each.entries()) {
    assert.ok(share >= 0.5, `${testid}: the series in ${r.colours[k]} is drawn (${JSON.stringify(r)})`);
  }
  return r;
}

/**
 * Chooses the preset `id` and waits until the app has put its scenario in the editor (the first
 * preset of a visit is read once its reader's chunk is fetched: src/ui/reading.rs).
 */
export async function choosePreset(page, id) {
  await page.selectOption('[data-testid="preset-select"]', id);
  await page.waitForSelector(`[data-testid="preset-select"][data-applied="${id}"]`);
}
