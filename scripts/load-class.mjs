// Load test of the class server (`make bench`, not a timed test): 500 participants in 25 classes
// join, report their progress at each moment and hand in verified results within about a minute,
// while each class's trainer follows the live board. Loopback only, bounded in count and time.
//
//   node scripts/load-class.mjs [path/to/relsim] [participants] [classes]
//
// Prints p50/p99 per request type and the delay from a submission being sent to its row on the
// listening board, against the targets (p99 below 100 ms, every row within 1 s, no error).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const bin = process.argv[2] ?? 'target/release/relsim';
const PARTICIPANTS = Number(process.argv[3] ?? 500);
const CLASSES = Number(process.argv[4] ?? 25);
const SPREAD_MS = 25_000; // joins spread over this long
const STEP_MS = 2_000; // between a participant's moments
const DEADLINE_MS = 120_000; // the whole run is stopped after this, whatever happens

const dir = mkdtempSync(join(tmpdir(), 'relsim-load-'));
const server = spawn(bin, ['serve', '--site', 'dist', '--db', join(dir, 'load.sqlite'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  let seen = '';
  server.stdout.on('data', (c) => { seen += c; const m = seen.match(/http:\/\/127\.0\.0\.1:\d+\//); if (m) resolve(m[0]); });
  server.on('exit', (code) => reject(new Error(`relsim serve exited with ${code}`)));
});
const stop = () => { try { server.kill('SIGTERM'); } catch { /* gone */ } rmSync(dir, { recursive: true, force: true }); };
const guard = setTimeout(() => { console.error('load test: past its deadline, stopped'); stop(); process.exit(1); }, DEADLINE_MS);

// Valid plays, computed by the CLI (the same model the server replays with).
const exercise = JSON.parse(readFileSync('exercises/farbo-crisis.json', 'utf8'));
const plays = [[], ['11=mediated_repair'], ['11=mediated_repair', '13=results_contract'], ['13=realign'], ['11=exit']].map((d) => {
  const out = JSON.parse(execFileSync(bin, ['exercise', 'play', 'builtin:farbo-crisis', ...d.flatMap((x) => ['--decide', x])]));
  return { decisions: out.decisions, score: out.score.total };
});

const times = {}; // request type → [ms]
let errors = 0;
async function call(type, method, path, key, body) {
  const t0 = performance.now();
  const res = await fetch(base + path, {
    method,
    headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  (times[type] ??= []).push(performance.now() - t0);
  if (!res.ok) { errors++; console.error(`${type}: ${res.status} ${text.slice(0, 200)}`); return null; }
  return text ? JSON.parse(text) : {};
}

// The classes and their listening boards.
const sent = new Map(); // participant id → time the submission was sent
const delays = [];
const boards = [];
const classes = [];
for (let c = 0; c < CLASSES; c++) {
  const created = await call('create class', 'POST', 'api/classes', null, { exercise, origin: base.slice(0, -1) });
  classes.push(created);
  const abort = new AbortController();
  const res = await fetch(`${base}api/classes/${created.class.id}/events`, { headers: { Authorization: `Bearer ${created.trainer_key}` }, signal: abort.signal });
  boards.push(abort);
  (async () => {
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
          if (!line.startsWith('data:')) continue;
          const event = JSON.parse(line.slice(5));
          if (event.kind === 'row' && event.state === 'done' && sent.has(event.id)) delays.push(performance.now() - sent.get(event.id));
        }
      }
    } catch { /* stopped */ }
  })();
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function participant(i) {
  await sleep((i / PARTICIPANTS) * SPREAD_MS);
  const cls = classes[i % CLASSES];
  const joined = await call('join', 'POST', 'api/join', null, { code: cls.class.code, name: `Participant ${i}` });
  if (!joined) return;
  const id = Number(joined.participant_key.split('_')[1]);
  const play = plays[i % plays.length];
  for (const [m, d] of play.decisions.entries()) {
    await sleep(STEP_MS * (0.5 + Math.random()));
    await call('progress', 'POST', 'api/progress', joined.participant_key, { moment: m + 1, week: d.week });
  }
  sent.set(id, performance.now());
  await call('submit', 'POST', 'api/results', joined.participant_key, { decisions: play.decisions, score: play.score });
}

const t0 = performance.now();
await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => participant(i)));
await sleep(1500); // the last rows reach their boards
const wall = (performance.now() - t0) / 1000;
for (const b of boards) b.abort();
clearTimeout(guard);
stop();

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const row = (name, xs) => `| ${name} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 99).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;
console.log(`\nClass server under load: ${PARTICIPANTS} participants in ${CLASSES} classes, ${wall.toFixed(1)} s (requests and boards on loopback)\n`);
console.log('| request | count | p50 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|');
for (const [type, xs] of Object.entries(times)) console.log(row(type, xs));
console.log(row('submission → its row on the board', delays));
const p99 = Math.max(...Object.values(times).map((xs) => pct(xs, 99)));
const late = delays.filter((d) => d > 1000).length;
const missing = PARTICIPANTS - delays.length;
console.log(`\nerrors: ${errors}; rows not on a board: ${missing}; rows later than 1 s: ${late}; worst p99: ${p99.toFixed(1)} ms`);
console.log(errors === 0 && missing === 0 && late === 0 && p99 < 100 ? 'targets met' : 'TARGETS MISSED');
process.exit(errors === 0 && missing === 0 ? 0 : 1);
