// Native and browser agree: every preset and a few varied scenarios run as an ensemble in the
// WebAssembly build (through the app, from a `#s=` link) and natively (`relsim run FILE --runs N`),
// and the two summaries must match to 1e-9 (relative to the value, at least 1e-9 absolute).
// WebAssembly computes exp, ln and powf with Rust's own maths library, native code with the
// system's (glibc); docs/architecture.md says why 1e-9 rather than bit for bit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser, openPage } from './harness.mjs';

const CLI = process.env.RELSIM_BIN ?? 'target/release/relsim';
const TOLERANCE = 1e-9;

const { server, browser } = await startBrowser();

// Scenario JSON texts (kept as text, so that a 64-bit seed is not rounded by JavaScript numbers).
const presets = readdirSync('presets').filter((f) => f.endsWith('.json')).sort()
  .map((f) => [`preset ${f}`, readFileSync(join('presets', f), 'utf8')]);
const varied = [
  ['results contract, business KPIs, representative',
    '{"contract":{"obligation":"result","kpi_level":"business","incentive_share":0.4,"sla_target":0.95},"manager":{"role":"representative"}}'],
  ['many random incidents, short tolerance, opt-out and exit fee',
    '{"random_rates":{"external":10,"interpersonal":30,"business":30},"bounds":{"critical_lower":0.45,"euphoria_upper":0.8,"tolerance_weeks":4},"contract":{"opt_out_week":30,"exit_fee":50}}'],
  ['large volume beyond the tabulated on-time distribution',
    '{"demand":{"requests_per_week":3000,"out_of_scope_share":0.5,"volatility":0.8},"supplier":{"cost_per_request":0.01}}'],
  ['every intervention kind',
    '{"weeks":200,"interventions":[{"kind":"trust_repair","week":20,"mediator":true,"compensation":5},{"kind":"renegotiate","week":40,"obligation":"result","fee_per_week":25},{"kind":"realign","week":60},{"kind":"change_role","week":80,"role":"nanny"},{"kind":"exit","week":150}]}'],
  ['largest seed, short run', '{"seed":18446744073709551615,"weeks":30}'],
];

/** Compares two JSON values number by number: mismatches, numbers within the tolerance but not
 * identical, how many numbers, how many identical. */
function compare(a, b, path = '', out = { bad: [], near: [], numbers: 0, identical: 0 }) {
  if (typeof a === 'number' && typeof b === 'number') {
    out.numbers++;
    if (Object.is(a, b)) out.identical++;
    else if (Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a))) out.near.push(`${path}: native ${a}, browser ${b}`);
    else out.bad.push(`${path}: native ${a}, browser ${b}`);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) compare(a[k], b[k], `${path}.${k}`, out);
  } else if (a !== b) {
    out.bad.push(`${path}: native ${JSON.stringify(a)}, browser ${JSON.stringify(b)}`);
  }
  return out;
}

test('the browser build and the native CLI give the same ensemble summaries', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relsim-agree-'));
  let numbers = 0;
  let identical = 0;
  for (const [name, json] of [...presets, ...varied]) {
    const { page, context, problems } = await openPage(browser, `${server.url}#s=${encodeURIComponent(json)}`);
    assert.equal(await page.$('[data-testid="error-banner"]'), null, `${name}: the link loads`);
    await page.click('[data-testid="tab-ensemble"]');
    const handle = await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid="ensemble-summary"]')?.dataset.summary;
      return v ? v : false;
    }, null, { timeout: 120000 });
    const browserSummary = JSON.parse(await handle.jsonValue());
    const file = join(dir, 'scenario.json');
    writeFileSync(file, json);
    const nativeSummary = JSON.parse(execFileSync(CLI, ['run', file, '--runs', String(browserSummary.runs)], { encoding: 'utf8' }));
    assert.ok(browserSummary.runs >= 100, `${name}: ${browserSummary.runs} runs`);
    const r = compare(nativeSummary, browserSummary);
    assert.deepEqual(r.bad, [], `${name}: native and browser differ`);
    assert.ok(r.numbers >= 20, `${name}: ${r.numbers} numbers compared`);
    numbers += r.numbers;
    identical += r.identical;
    for (const n of r.near) console.log(`${name}: ${n}`);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
  console.log(`native and browser: ${identical} of ${numbers} summary numbers bit for bit identical`);
});
