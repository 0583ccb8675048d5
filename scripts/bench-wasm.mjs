// In-browser measurements of the release build (run by `make bench` after the native
// benchmarks): the first chart drawn after navigation, re-run plus redraw on an input, ensembles
// of 1 000 and 10 000 runs on the page and on 1, 2 and all workers (with the longest main-thread
// task), the 21 x 21 x 200 deal map coarse and full, native `relsim sweep2` on the same grid, the
// ratios the targets in docs/performance.md are stated in, and the download sizes.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { serve, launch, openPage } from '../tests/e2e/harness.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve('dist');
const browser = await launch();
const out = {};

// First chart drawn after navigation.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${server.url}?fresh=${i}`);
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const tick = () => {
        const c = document.querySelector('[data-testid="chart-relationship"]');
        if (c && c.width > 0) {
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (let k = 0; k < d.length; k += 64) if (d[k + 3] > 0 && d[k] < 200) return resolve(performance.now());
        }
        requestAnimationFrame(tick);
      };
      tick();
    })));
  }
  out.first_chart_ms = median(times);
  await context.close();
}

const { page, context } = await openPage(browser, server.url);

// Re-run plus redraw of all four charts after an input (to the next painted frame).
{
  const times = [];
  for (let i = 0; i < 9; i++) {
    times.push(await page.evaluate((v) => new Promise((resolve) => {
      const input = document.querySelector('[data-testid="fee-per-week"]');
      const t0 = performance.now();
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    }), 20 + i));
  }
  out.rerun_redraw_ms = median(times);
  // One chart's redraw alone: a resize redraws every canvas; divide by four.
  out.redraw_one_chart_ms = await page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    window.dispatchEvent(new Event('resize'));
    setTimeout(() => resolve((performance.now() - t0) / 4), 0);
  }));
}

await context.close();

/** Opens the app with `workers` simulation workers (0: the page computes) on `tab`. */
async function openWith(workers, tab) {
  const opened = await openPage(browser, `${server.url}?workers=${workers}`);
  if (workers > 0) {
    await opened.page.click('[data-testid="tab-negotiate"]');
    await opened.page.waitForFunction((n) => Number(document.querySelector('[data-testid="workers"]')?.textContent) === n, workers, { timeout: 30000 });
  }
  await opened.page.click(`[data-testid="${tab}"]`);
  // The tab's view comes in a chunk of its own (src/ui/lazy.rs): wait until it is shown.
  await opened.page.waitForSelector({ 'tab-ensemble': '[data-testid="ensemble-runs"]', 'tab-negotiate': '[data-testid="deal-map-run"]' }[tab]);
  return opened;
}

/**
 * Median wall time of an ensemble of `runs` runs (as the app reports it), over `times` runs.
 * The page is watched with a MutationObserver rather than a predicate run every animation frame:
 * such polling parses the summary and keeps the renderer drawing frames, on the cores the
 * workers need (it made 10 000 runs on 2 workers about 8 ms slower on this 2-core machine).
 */
async function ensembleMs(page, runs, times) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 300000 });
  const ms = [];
  for (let i = 0; i < times; i++) {
    // Alternate between runs and runs - 1 so that every measurement is a new input (10 000 is
    // the most runs an ensemble may have).
    const n = runs - (i % 2);
    const t = await page.evaluate((k) => new Promise((resolve) => {
      const done = () => {
        const v = document.querySelector('[data-testid="ensemble-summary"]')?.dataset.summary;
        return v && JSON.parse(v).runs === k && !document.querySelector('[data-testid="progress"]');
      };
      const watch = new MutationObserver(() => {
        if (done()) {
          watch.disconnect();
          resolve(Number(document.querySelector('[data-testid="ensemble-ms"]').textContent));
        }
      });
      watch.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const input = document.querySelector('[data-testid="ensemble-runs"]');
      input.value = String(k);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }), n);
    ms.push(t * runs / n);
  }
  return median(ms);
}

const cores = await (async () => {
  const { page, context } = await openPage(browser, server.url);
  const n = await page.evaluate(() => navigator.hardwareConcurrency);
  await context.close();
  return n;
})();
out.hardware_concurrency = cores;
const counts = [...new Set([0, 1, 2, cores])];

// Ensembles of 1 000 and 10 000 runs, on the page and on 1, 2 and all workers; the longest
// main-thread task while 10 000 runs compute.
for (const w of counts) {
  const { page, context } = await openWith(w, 'tab-ensemble');
  out[`ensemble_1000_ms_${w}_workers`] = await ensembleMs(page, 1000, 5);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  out[`ensemble_10000_ms_${w}_workers`] = await ensembleMs(page, 10000, 3);
  const long = await page.evaluate(() => window.__long);
  out[`long_tasks_over_50ms_${w}_workers`] = long.length;
  out[`longest_task_ms_${w}_workers`] = long.length ? Math.max(...long) : 0;
  await context.close();
}

// One worker's own speed: a task of 1 000 runs posted straight to a worker (round trip, with
// the part's bytes), without the page's cutting, decoding and merging. The browser optimises a
// module's hot functions in the background once they have run a while (the worker starts that
// with a warm-up job before it says `ready`, src/worker.rs): the first task right after `ready`
// is reported on its own, and the worker's speed is the median of 7 tasks after a pause of
// half a second.
{
  const { page, context } = await openPage(browser, server.url);
  const [first, ms] = await page.evaluate(async () => {
    const w = new Worker(document.querySelector('meta[name=relsim-worker]').content);
    await new Promise((res) => { w.onmessage = (e) => e.data === 'ready' && res(); });
    const send = (to) => new Promise((res) => {
      const t0 = performance.now();
      w.onmessage = () => res(performance.now() - t0);
      w.postMessage({ id: 1, task: JSON.stringify({ task: 'runs', scenario: { schema_version: 2 }, from: 0, to }) });
    });
    const first = await send(1000);
    await new Promise((res) => setTimeout(res, 500));
    const ms = [];
    for (let i = 0; i < 7; i++) ms.push(await send(1000));
    w.terminate();
    return [first, ms.sort((a, b) => a - b)[3]];
  });
  out.worker_first_task_1000_runs_ms = first;
  out.worker_task_1000_runs_ms = ms;
  await context.close();
}

// The deal map, 21 x 21 cells x 200 runs on the default scenario: coarse and full.
for (const w of counts.filter((n) => n > 0)) {
  const { page, context } = await openWith(w, 'tab-negotiate');
  await page.click('[data-testid="deal-map-run"]');
  // Checked every 100 ms, not every frame: see `ensembleMs` (the app's own timer is read).
  await page.waitForFunction(() => document.querySelector('[data-testid="deal-map-ms"]').textContent.trim() !== '', null, { timeout: 300000, polling: 100 });
  out[`deal_map_full_ms_${w}_workers`] = Number(await page.textContent('[data-testid="deal-map-ms"]'));
  const coarse = (await page.textContent('.deal-status')).match(/(\d+) ms/);
  out[`deal_map_coarse_ms_${w}_workers`] = coarse ? Number(coarse[1]) : NaN;
  await context.close();
}
await browser.close();
server.close();

// Native figure from criterion, when the native benchmark has run.
const est = 'target/criterion/ensemble/1000 runs x 260 weeks/new/estimates.json';
if (existsSync(est)) {
  out.native_ensemble_1000_ms = JSON.parse(readFileSync(est, 'utf8')).mean.point_estimate / 1e6;
  out.browser_1_worker_vs_native = out.ensemble_1000_ms_1_workers / out.native_ensemble_1000_ms;
  out.worker_task_vs_native = out.worker_task_1000_runs_ms / out.native_ensemble_1000_ms;
}
// Scaling: how much of the extra workers' cores the pool turns into speed (1 = all of it).
for (const w of counts.filter((n) => n > 1)) {
  out[`scaling_1000_runs_${w}_workers`] = out.ensemble_1000_ms_1_workers / out[`ensemble_1000_ms_${w}_workers`] / w;
  // A 1 000-run job is short next to the pool's fixed costs (posting, the first reply's way
  // back, the last part's decoding); 10 000 runs show what the workers themselves add.
  out[`scaling_10000_runs_${w}_workers`] = out.ensemble_10000_ms_1_workers / out[`ensemble_10000_ms_${w}_workers`] / w;
  out[`scaling_deal_map_${w}_workers`] = out.deal_map_full_ms_1_workers / out[`deal_map_full_ms_${w}_workers`] / w;
}

// Native sweep2 on the same grid, at 1 thread and at all threads (wall time).
if (existsSync('target/release/relsim')) {
  const file = 'target/bench-default.json';
  writeFileSync(file, '{"contract":{"obligation":"result"}}');
  for (const threads of [...new Set([1, cores])]) {
    const t0 = performance.now();
    execFileSync('target/release/relsim', ['sweep2', file, '--x', 'contract.fee_per_week', '--x-from', '14', '--x-to', '26', '--x-steps', '21',
      '--y', 'contract.incentive_share', '--y-from', '0', '--y-to', '0.5', '--y-steps', '21', '--runs', '200', '--threads', String(threads)]);
    out[`native_sweep2_ms_${threads}_threads`] = performance.now() - t0;
  }
}

// Download: what the page needs before its first chart (the UI module, its script and the chunk
// loader it imports, the stylesheets); the simulation worker's module, which loads afterwards in
// the background; and the chunks of the other views (src/ui/lazy.rs), each fetched the first
// time its view is shown.
let initial = 0;
let worker = 0;
const chunks = [];
for (const f of readdirSync('dist')) {
  if (!/\.(wasm|js|css)$/.test(f) || f === 'sw.js') continue;
  const gz = gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length;
  if (f.startsWith('relsim-worker')) worker += gz;
  else if (f.startsWith('relsim-chunk-')) chunks.push(gz);
  else initial += gz;
}
out.initial_download_gzip_kb = initial / 1024;
out.worker_module_gzip_kb = worker / 1024;
out.view_chunks = chunks.length;
out.view_chunks_gzip_kb = chunks.reduce((a, b) => a + b, 0) / 1024;
out.largest_view_chunk_gzip_kb = Math.max(0, ...chunks) / 1024;

const rows = Object.entries(out).map(([k, v]) => `| ${k} | ${typeof v === 'number' ? v.toFixed(v < 10 ? 2 : 1) : v} |`);
const report = ['| measure | value |', '|---|---|', ...rows].join('\n');
writeFileSync('target/bench-report.md', report + '\n');
console.log(report);
