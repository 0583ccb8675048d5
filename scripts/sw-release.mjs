// Trunk post-build hook, run last: names the service worker's cache after this release. The
// staged index.html names every hashed file of the app, so its hash changes with any of them;
// a new cache name makes the browser install the new worker beside the old one, and the new
// worker deletes every other cache when it takes over — old releases' files do not pile up.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw-release: TRUNK_STAGING_DIR is not set (trunk runs this as a post_build hook)');
  process.exit(1);
}
const sw = join(dir, 'sw.js');
const release = createHash('sha256').update(readFileSync(join(dir, 'index.html'))).digest('hex').slice(0, 12);
const text = readFileSync(sw, 'utf8');
const marker = "const CACHE = 'relsim-release';";
if (!text.includes(marker)) {
  console.error(`sw-release: ${sw} lacks the line ${marker}`);
  process.exit(1);
}
writeFileSync(sw, text.replace(marker, `const CACHE = 'relsim-${release}';`));
