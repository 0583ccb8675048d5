// Trunk post-build hook for the simulation worker. Trunk builds it as relsim-worker.js,
// relsim-worker_bg.wasm and a loader shim, without a content hash and without a trace in
// index.html. This gives the three files a content-hashed name (like every other file of the
// app, so that the service worker may serve them from its cache for ever) and writes the
// loader's name into the staged page as <meta name="relsim-worker" content="./…_loader.js">,
// where the app finds it to start its workers and the service worker finds it to keep the files
// for offline use.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
const fail = (message) => {
  console.error(`worker-link: ${message}`);
  process.exit(1);
};
if (!dir) fail('TRUNK_STAGING_DIR is not set (trunk runs this as a post_build hook)');

const base = 'relsim-worker';
const [js, wasm, loader] = [`${base}.js`, `${base}_bg.wasm`, `${base}_loader.js`].map((f) => join(dir, f));
for (const f of [js, wasm, loader]) if (!existsSync(f)) fail(`${f} is missing`);

const hash = createHash('sha256').update(readFileSync(js)).update(readFileSync(wasm)).digest('hex').slice(0, 16);
const name = `${base}-${hash}`;
renameSync(js, join(dir, `${name}.js`));
renameSync(wasm, join(dir, `${name}_bg.wasm`));
rmSync(loader);
writeFileSync(join(dir, `${name}_loader.js`),
  `importScripts("./${name}.js");wasm_bindgen({ module_or_path: "./${name}_bg.wasm" });\n`);

const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
if (!html.includes('</head>')) fail('index.html has no </head>');
writeFileSync(page, html.replace('</head>', `<meta name="relsim-worker" content="./${name}_loader.js">\n</head>`));
