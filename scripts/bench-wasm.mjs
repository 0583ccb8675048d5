// In-browser measurements of the release build (run by `make bench` after the native
// benchmarks): the 1 000-run x 260-week ensemble in WebAssembly against the native figure,
// the first chart drawn after navigation, re-run plus redraw on an input, the longest
// main-thread task during a 10 000-run ensemble, and the bundle size.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { serve, launch, openPage, inkedPixels } from '../tests/e2e/harness.mjs';

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

// The 1 000-run ensemble in WebAssembly (compute time reported by the app).
await page.click('[data-testid="tab-ensemble"]');
const idle = () => page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 300000 });
await idle();
const wasm = [];
for (let i = 0; i < 5; i++) {
  await page.fill('[data-testid="ensemble-runs"]', i % 2 ? '1000' : '1001');
  await page.press('[data-testid="ensemble-runs"]', 'Enter');
  await page.waitForTimeout(50);
  await idle();
  const ms = Number(await page.textContent('[data-testid="ensemble-ms"]'));
  wasm.push(i % 2 ? ms : ms * 1000 / 1001);
}
out.wasm_ensemble_1000_ms = median(wasm);

// Longest main-thread task while a 10 000-run ensemble computes.
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
});
await page.fill('[data-testid="ensemble-runs"]', '10000');
await page.press('[data-testid="ensemble-runs"]', 'Enter');
await page.waitForTimeout(50);
await idle();
const long = await page.evaluate(() => window.__long);
out.long_tasks_over_50ms = long.length;
out.longest_task_ms = long.length ? Math.max(...long) : 0;
out.wasm_ensemble_10000_ms = Number(await page.textContent('[data-testid="ensemble-ms"]'));
await context.close();
await browser.close();
server.close();

// Native figure from criterion, when the native benchmark has run.
const est = 'target/criterion/ensemble/1000 runs x 260 weeks/new/estimates.json';
if (existsSync(est)) {
  out.native_ensemble_1000_ms = JSON.parse(readFileSync(est, 'utf8')).mean.point_estimate / 1e6;
  out.wasm_native_ratio = out.wasm_ensemble_1000_ms / out.native_ensemble_1000_ms;
}

// Bundle size.
let raw = 0;
let gz = 0;
for (const f of readdirSync('dist')) {
  if (/\.(wasm|js|css)$/.test(f)) {
    const b = readFileSync(`dist/${f}`);
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
}
out.bundle_raw_kb = raw / 1024;
out.bundle_gzip_kb = gz / 1024;

const rows = Object.entries(out).map(([k, v]) => `| ${k} | ${typeof v === 'number' ? v.toFixed(v < 10 ? 2 : 1) : v} |`);
const report = ['| measure | value |', '|---|---|', ...rows].join('\n');
writeFileSync('target/bench-report.md', report + '\n');
console.log(report);
