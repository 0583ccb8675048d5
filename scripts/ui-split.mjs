// Trunk post-build step for the UI module: cuts it into the module the first screen needs and
// the chunks of src/ui/lazy.rs, which the page fetches the first time a view is shown.
//
// Trunk 0.21 runs wasm-bindgen straight after cargo, and the cut has to come in between (the
// split tool reads the linker's relocations, which wasm-bindgen drops). So this step starts
// again from cargo's output (built with --emit-relocs, see build.rs), with the tools the Makefile
// installs:
//   1. wasm-split-cli cuts the module, at the split points, into a main module, one chunk per
//      split point, shared chunks for code that several split points use, and a JavaScript
//      loader that fetches and instantiates chunks against the main module's memory and table;
//   2. wasm-bindgen makes the main module's glue, exactly as trunk does, keeping the exports the
//      chunks import;
//   3. in release builds, wasm-opt -Oz optimises the main module and every chunk (index.html
//      tells trunk not to: the relocations would keep it from optimising);
//   4. chunks and loader get content-hashed names, like every other file of the app, so that the
//      service worker may serve them from its cache for ever;
//   5. the result replaces trunk's staged UI module and glue (same names, so index.html stays
//      right), and the chunk files are named in <meta name="relsim-chunks"> for the service
//      worker to keep for offline use.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fail = (message) => {
  console.error(`ui-split: ${message}`);
  process.exit(1);
};
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set (trunk runs this as a post_build hook)');
const release = process.env.TRUNK_PROFILE === 'release';

/** Runs a tool, failing the build with its output if it fails. */
function run(tool, args) {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    fail(`${tool} failed: ${e.stderr?.toString() || e.message}`);
  }
}

// Cargo's output for the profile trunk built (index.html: release builds use wasm-release).
const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps']).toString());
const raw = join(metadata.target_directory, 'wasm32-unknown-unknown', release ? 'wasm-release' : 'debug', 'relsim-app.wasm');

// The name trunk gave the UI module (with its content hash).
const glue = readdirSync(staging).find((f) => /^relsim-app(-[0-9a-f]+)?\.js$/.test(f));
if (!glue) fail(`no relsim-app JavaScript in ${staging}`);
const name = glue.slice(0, -'.js'.length);

const work = mkdtempSync(join(tmpdir(), 'relsim-split-'));
try {
  const cut = join(work, 'cut');
  const out = join(work, 'out');
  run('wasm-split-cli', [raw, cut, '--out-name', name]);
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--no-demangle',
    '--out-dir', out, '--out-name', name, join(cut, `${name}.wasm`)]);

  const chunks = readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
  if (chunks.length === 0) fail('the split found no split points (is src/ui/lazy.rs in the build?)');
  if (release) {
    // The wasm features rustc 1.95 emits for wasm32-unknown-unknown.
    const features = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue']
      .map((f) => `--enable-${f}`);
    for (const f of [join(out, `${name}_bg.wasm`), ...chunks.map((c) => join(cut, c))]) {
      run('wasm-opt', ['-Oz', ...features, f, '-o', f]);
    }
  }

  const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  let loader = readFileSync(join(cut, '__wasm_split.js'), 'utf8');
  const kept = [];
  for (const c of chunks) {
    const bytes = readFileSync(join(cut, c));
    const hashed = `relsim-chunk-${c.slice(0, -'.wasm'.length).replace(/^split_/, '')}-${hash(bytes)}.wasm`;
    const before = loader;
    loader = loader.split(`"./${c}"`).join(`"./${hashed}"`);
    if (loader === before) fail(`the loader does not name ${c}`);
    writeFileSync(join(staging, hashed), bytes);
    kept.push(`./${hashed}`);
  }
  const loaderName = `relsim-chunks-${hash(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);
  kept.push(`./${loaderName}`);

  const js = readFileSync(join(out, `${name}.js`), 'utf8');
  // Only the module the glue imports is renamed: the wasm module's import names stay.
  const from = 'from "./__wasm_split.js"';
  if (!js.includes(from)) fail('the glue does not import the chunk loader');
  writeFileSync(join(staging, `${name}.js`), js.split(from).join(`from "./${loaderName}"`));
  copyFileSync(join(out, `${name}_bg.wasm`), join(staging, `${name}_bg.wasm`));

  const page = join(staging, 'index.html');
  const html = readFileSync(page, 'utf8');
  if (!html.includes('</head>')) fail('index.html has no </head>');
  writeFileSync(page, html.replace('</head>', `<meta name="relsim-chunks" content="${kept.join(' ')}">\n</head>`));
  console.log(`ui-split: ${chunks.length} chunks for ${name}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
