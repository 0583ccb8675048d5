// Helpers for the live-class browser tests: a `relsim serve` on a free loopback port with its own
// database (stopped by its PID after the file's tests), and the trainer's and participants' steps.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** Starts `relsim serve` for dist/; resolves to { url, pid, stop }. */
export function startServer() {
  const bin = process.env.RELSIM_BIN ?? 'target/ci/relsim';
  const db = join(mkdtempSync(join(tmpdir(), 'relsim-live-')), 'db.sqlite');
  const child = spawn(bin, ['serve', '--site', 'dist', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => { try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ } };
  after(stop);
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ url: m[0], pid: child.pid, stop });
    });
    child.on('exit', (code) => reject(new Error(`relsim serve exited with ${code}: ${seen}`)));
  });
}

/** Opens the live-class tab of the exercise mode. */
export async function openLive(page) {
  await page.click('[data-testid="mode-exercise"]');
  await page.click('[data-testid="exercise-tab-live"]');
}

/** The trainer opens a class on the exercise chosen; resolves to its join code. */
export async function createClass(page) {
  await openLive(page);
  await page.click('[data-testid="class-create"]');
  await page.waitForSelector('[data-testid="class-code"]');
  return (await page.textContent('[data-testid="class-code"]')).trim();
}

/** A participant joins with `code` (typed, unless the join link filled it in) and `name`. */
export async function joinClass(page, code, name) {
  const field = await page.waitForSelector('[data-testid="class-join-code"]');
  if ((await field.inputValue()) !== code) await field.fill(code);
  await page.fill('[data-testid="class-join-name"]', name);
  await page.click('[data-testid="class-join"]');
  await page.waitForSelector('[data-testid="live-seat-note"]');
}

/** The rows of the trainer's live board: [{ name, state, week, score, verified }]. */
export function boardRows(page) {
  return page.$$eval('[data-testid="class-live"] [data-testid="class-table"] tbody tr', (trs) => trs.map((tr) => ({
    name: tr.querySelector('th').textContent,
    state: tr.dataset.state,
    week: Number(tr.querySelectorAll('td')[2].textContent),
    score: tr.querySelector('[data-testid="class-score"]').dataset.score,
    verified: tr.querySelector('[data-testid="result-verified"]').dataset.verified,
  })));
}
