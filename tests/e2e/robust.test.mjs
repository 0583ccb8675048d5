// "How sure is this?" and the robustness table: the compare view runs A against B under 50 model
// variants on the workers and gives the same shares as the native `relsim compare --variants 50`;
// the model page shows one row per stylized fact with the share holding, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser, openPage, waitDrawn } from './harness.mjs';

const CLI = process.env.RELSIM_BIN ?? 'target/release/relsim';
const { server, browser } = await startBrowser();
const idle = (page) => page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 120000 });

test('how sure is this: 50 model variants on the workers, the same shares as the native CLI', async () => {
  const a = '{"contract":{"fee_per_week":20}}';
  const { page, context, problems } = await openPage(browser, `${server.url}#s=${encodeURIComponent(a)}`);
  await page.click('[data-testid="tab-compare"]');
  await page.fill('[data-testid="ensemble-runs"]', '60');
  await page.dispatchEvent('[data-testid="ensemble-runs"]', 'change');
  await page.selectOption('[data-testid="preset-b"]', 'healthy-partnership');
  await idle(page);
  await page.click('[data-testid="robust-run"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="robust-variants"]')?.textContent.trim() === '50', null, { timeout: 180000 });
  const share = async (id) => parseFloat((await page.textContent(`[data-testid="${id}"]`)).replace('%', ''));
  const value = await share('robust-share-value');
  const partnership = await share('robust-share-partnership');
  assert.ok(value >= 0 && value <= 100 && partnership >= 0 && partnership <= 100, `${value} ${partnership}`);
  // One dot per variant, in the dots' colour (rgb 204 121 167).
  await waitDrawn(page, 'chart-how-sure');
  const dots = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="chart-how-sure"]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - 204) < 12 && Math.abs(d[i + 1] - 121) < 12 && Math.abs(d[i + 2] - 167) < 12) n++;
    }
    return n;
  });
  assert.ok(dots > 40, `the variants' dots are drawn (${dots} px)`);
  // The same question natively.
  const dir = mkdtempSync(join(tmpdir(), 'relsim-sure-'));
  writeFileSync(join(dir, 'a.json'), a);
  const native = JSON.parse(execFileSync(CLI, ['compare', join(dir, 'a.json'), 'preset:healthy-partnership', '--variants', '50', '--runs', '60'], { encoding: 'utf8' }));
  assert.equal(native.how_sure.variants, 50);
  assert.equal(Math.round(100 * native.how_sure.b_better_net_value), value, 'net value share as natively');
  assert.equal(Math.round(100 * native.how_sure.b_better_partnership), partnership, 'partnership share as natively');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the model page shows how robust each stylized fact is, in English and Dutch', async () => {
  const stored = JSON.parse(readFileSync('docs/robust.json', 'utf8'));
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByRole('tab', { name: 'How the model works' }).click();
  await page.waitForSelector('[data-testid="robust-table"]', { timeout: 30000 });
  const rows = await page.$$eval('[data-testid="robust-table"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.equal(rows.length, stored.length);
  assert.ok(rows.length >= 25, `${rows.length} facts`);
  rows.forEach((r, i) => {
    assert.match(r[r.length - 1], /^\d+(\.\d)?%$/, `fact ${i + 1}: ${r}`);
    assert.equal(parseFloat(r[r.length - 1]), Math.round(1000 * stored[i].held / stored[i].pairs) / 10);
  });
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'nl', null, { timeout: 10000 });
  const first = await page.textContent('[data-testid="robust-table"] tbody tr th');
  assert.match(first, /vaste prijs/, first);
  assert.deepEqual(problems, []);
  await context.close();
});
