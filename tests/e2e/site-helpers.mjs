// Helpers for the website tests (tour, embeds, offline, print, accessibility): a page that
// records problems and every request, axe-core in the page, and small readers for tables and
// CSV. The shared harness stays untouched.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** The rule sets every view must pass without a single violation. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Opens `address` in a fresh context; collects console problems and requests off 127.0.0.1. */
export async function open(browser, address, { viewport = { width: 1280, height: 900 }, waitFor = '[data-testid="summary-status"]' } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(address);
  if (waitFor) await page.waitForSelector(waitFor);
  return { page, context, problems, requests };
}

/** Requests that left the machine: anything but 127.0.0.1 and in-page data/blob URLs. */
export function offHost(requests) {
  return requests.filter((u) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(u));
}

/** Runs axe-core on the page; resolves to [{ id, impact, targets }] of the violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, AXE_TAGS);
}

/** Non-white pixels in the canvas matched by `selector`. */
export function inked(page, selector) {
  return page.evaluate((sel) => {
    const c = document.querySelector(sel);
    if (!c || !c.width) return 0;
    // Read a copy: reading the app's own canvas again and again makes Chromium warn.
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [c.width, c.height];
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) n++;
    return n;
  }, selector);
}

/** The canvas matched by `selector` as a data URL (to see whether a drawing changed). */
export function pixels(page, selector) {
  return page.evaluate((sel) => document.querySelector(sel).toDataURL(), selector);
}

/** Parses CSV text with quoted fields into an array of objects keyed by the header. */
export function parseCsv(text) {
  const rows = [];
  for (const line of text.trim().split('\n')) {
    const cells = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) { cells.push(cur); cur = ''; } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** A number as the interface writes it in `lang` ('en': 1,234.5; 'nl': 1.234,5). */
export function readNumber(text, lang) {
  const t = text.trim().replace(/\u2212/g, '-').replace(/[\s\u00a0\u202f%k€]/g, '');
  return Number(lang === 'nl' ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, ''));
}

/** The number of pages in a PDF. */
export function pdfPages(buffer) {
  return (buffer.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
