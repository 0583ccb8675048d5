// Helpers for the exercise browser tests: open the app at any address, play an exercise with a
// chosen option per decision moment, and download a result file.
import { readFile } from 'node:fs/promises';

/** Opens `url` in a fresh context; collects console errors and pageerrors. */
export async function openAt(browser, url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('[data-testid="mode-exercise"]');
  return { page, context, problems };
}

/** The current week shown while playing. */
export async function week(page) {
  const text = await page.textContent('[data-testid="exercise-week"]');
  const m = text.match(/\d+/);
  if (!m) throw new Error(`no week in "${text}"`);
  return Number(m[0]);
}

/** The score shown in the debrief. */
export async function score(page) {
  // The number as shown (with the language's decimal comma or point) equals the exact one.
  const text = await page.textContent('[data-testid="exercise-score"]');
  const exact = Number(await page.getAttribute('[data-testid="exercise-score"]', 'data-score'));
  const m = text.match(/\d+([.,]\d+)?/);
  if (!m || Math.abs(Number(m[0].replace(',', '.')) - exact) > 1e-9) throw new Error(`score "${text}" vs ${exact}`);
  return exact;
}

/**
 * Enters exercise mode, chooses `id` and plays it to the end, taking option `pick(moment,
 * optionCount)` at each decision moment. Returns { weeks: [week of each moment], ms: {...} }.
 */
export async function play(page, id, pick = () => 0) {
  await page.click('[data-testid="mode-exercise"]');
  await page.click('[data-testid="exercise-tab-play"]');
  if (await page.$('[data-testid="exercise-again"]')) await page.click('[data-testid="exercise-again"]');
  await page.selectOption('[data-testid="exercise-select"]', id);
  const t0 = Date.now();
  await page.click('[data-testid="exercise-start"]');
  await page.waitForSelector('[data-testid="decision-panel"]');
  const first = Date.now() - t0;
  // The play chart shows the bounds (named with their values), customer focus and trust.
  const bounds = await page.textContent('[data-testid="exercise-bounds"]');
  if (!/\d+\s?%.*\d+\s?%/.test(bounds)) throw new Error(`no bounds on the play chart: "${bounds}"`);
  const legend = await page.$$('[data-testid="exercise-legend"] li');
  if (legend.length !== 4) throw new Error(`the play chart's legend has ${legend.length} entries`);
  const weeks = [];
  const steps = [];
  for (let moment = 0; moment < 100; moment++) {
    if (!(await page.$('[data-testid="decision-panel"]'))) break;
    weeks.push(await week(page));
    const options = await page.$$('[data-testid="decision-option"]');
    const k = Math.min(pick(moment, options.length), options.length - 1);
    await options[k].click();
    const s = Date.now();
    const before = weeks[weeks.length - 1];
    await page.click('[data-testid="decision-continue"]');
    await page.waitForFunction((w) => {
      const el = document.querySelector('[data-testid="exercise-week"]');
      return !el || Number(el.dataset.week) !== w;
    }, before);
    steps.push(Date.now() - s);
  }
  const d0 = Date.now();
  await page.waitForSelector('[data-testid="exercise-score"]', { timeout: 120000 });
  const debrief = Date.now() - d0 + (steps.pop() ?? 0);
  return { weeks, ms: { first, steps, debrief } };
}

/** Downloads the result of the finished play under `name`; resolves to { path, json, bytes }. */
export async function exportResult(page, name) {
  await page.fill('[data-testid="participant-name"]', name);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="export-result"]'),
  ]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  return { path, json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}
