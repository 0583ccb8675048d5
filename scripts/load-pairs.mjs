// A class of 20 playing in 10 pairs through the class server (`make bench`, not a timed test):
// every side follows its pair's event stream, the trainer follows the board, and at each moment
// both sides decide a little apart. Measures the time from a moment's second decision to both
// sides' streams carrying the next week, and to the pair's row on the trainer's board.
// Loopback only; bounded (10 pairs, the play's moments, at most 120 s).
//
//   node scripts/load-pairs.mjs [path/to/relsim] [pairs]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const bin = process.argv[2] ?? 'target/release/relsim';
const PAIRS = Number(process.argv[3] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'relsim-pairs-'));
const server = spawn(bin, ['serve', '--site', 'dist', '--db', join(dir, 'pairs.sqlite'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  let seen = '';
  server.stdout.on('data', (c) => { seen += c; const m = seen.match(/http:\/\/127\.0\.0\.1:\d+\//); if (m) resolve(m[0]); });
  server.on('exit', (code) => reject(new Error(`relsim serve exited with ${code}`)));
});
const stop = () => { try { server.kill('SIGTERM'); } catch { /* gone */ } rmSync(dir, { recursive: true, force: true }); };
const guard = setTimeout(() => { console.error('pairs: past its deadline, stopped'); stop(); process.exit(1); }, 120_000);

async function call(method, path, key, body) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

/** Follows an event stream, calling `on(json)` with each event. */
function follow(path, key, on) {
  const abort = new AbortController();
  (async () => {
    const res = await fetch(base + path, { headers: { Authorization: `Bearer ${key}` }, signal: abort.signal });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let pending = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        pending += decoder.decode(value, { stream: true });
        let end;
        while ((end = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, end).trim();
          pending = pending.slice(end + 1);
          if (line.startsWith('data:')) on(JSON.parse(line.slice(5)));
        }
      }
    } catch { /* stopped */ }
  })();
  return abort;
}

const exercise = JSON.parse(readFileSync('exercises/farbo-pair.json', 'utf8'));
const created = await call('POST', 'api/classes', null, { exercise, origin: base.slice(0, -1) });
const waiters = new Map(); // `${pair}:${moment}:${who}` → resolve
const arrive = (k) => { const f = waiters.get(k); if (f) { waiters.delete(k); f(performance.now()); } };
const wait = (k) => new Promise((r) => waiters.set(k, r));
const streams = [follow(`api/classes/${created.class.id}/events`, created.trainer_key, (e) => {
  if (e.kind === 'pair') arrive(`${e.id}:${e.moment}:board`);
})];
const sides = [];
for (let i = 0; i < 2 * PAIRS; i++) {
  const joined = await call('POST', 'api/join', null, { code: created.class.code, name: `P${i}` });
  sides.push(joined);
}
const toScreen = [];
const toBoard = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function pairPlay(client, supplier) {
  const first = await call('GET', 'api/pair', client.participant_key);
  const id = first.pair;
  for (const [side, who] of [[client, 'client'], [supplier, 'supplier']]) {
    streams.push(follow('api/pair/events', side.participant_key, (v) => arrive(`${id}:${v.decisions.length}:${who}`)));
  }
  await sleep(200);
  for (let moment = 0; moment < 40; moment++) {
    const v = await call('GET', 'api/pair', client.participant_key);
    if (v.finished) return;
    await call('POST', 'api/pair/decide', client.participant_key, { moment, option: 'carry_on' });
    await sleep(50 + Math.random() * 100);
    const next = moment + 1;
    const arrivals = [wait(`${id}:${next}:client`), wait(`${id}:${next}:supplier`), wait(`${id}:${next}:board`)];
    const t0 = performance.now();
    await call('POST', 'api/pair/decide', supplier.participant_key, { moment, option: moment === 0 ? 'customer_focus' : 'carry_on' });
    const [a, b, board] = await Promise.all(arrivals);
    toScreen.push(Math.max(a, b) - t0);
    toBoard.push(board - t0);
    await sleep(300 + Math.random() * 400);
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: PAIRS }, (_, i) => pairPlay(sides[2 * i], sides[2 * i + 1])));
const wall = (performance.now() - t0) / 1000;
for (const s of streams) s.abort();
clearTimeout(guard);
stop();
const pct = (xs, p) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const row = (name, xs) => `| ${name} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 99).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;
console.log(`\nA class of ${2 * PAIRS} in ${PAIRS} pairs, every moment of the FARBO pair exercise, ${wall.toFixed(1)} s (loopback)\n`);
console.log('| from a moment\'s second decision to … | moments | p50 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|');
console.log(row('both sides\' streams carrying the next week', toScreen));
console.log(row('the pair\'s row on the trainer\'s board', toBoard));
