// Relsim's service worker: after the first visit the app works without a network.
//
// Trunk gives the script, the wasm and the stylesheet hashed names, so the list of files is not
// known here: on install the worker reads index.html and caches every local file it references
// (and the files in the manifest). Hashed files never change, so they are served from the cache
// first; the page itself is fetched from the network when there is one (so a new release shows
// up) and from the cache when there is not. Every URL is relative to the worker, so the app works
// under any sub-path. Only same-origin GET requests are handled (the app requests nothing else),
// and never the class server's API.
// Replaced at build time by scripts/sw-release.mjs with a name per release.
const CACHE = 'relsim-release';
const SHELL = ['./', './manifest.json', './favicon.svg', './icons/icon.svg', './icons/icon-192.png', './icons/icon-512.png', './icons/icon-maskable-192.png', './icons/icon-maskable-512.png'];

/** Local files that index.html refers to: href, src, the module/wasm paths in its script and the
 * simulation worker's files, and the chunks of the views loaded on demand. */
function referenced(html) {
  const out = new Set();
  for (const m of html.matchAll(/(?:href|src|module_or_path)\s*[=:]\s*["']([^"'#?]+)["']/g)) out.add(m[1]);
  for (const m of html.matchAll(/from\s+["']([^"']+)["']/g)) out.add(m[1]);
  // The simulation worker: its loader is named in a meta tag, and loads its script and wasm.
  for (const m of html.matchAll(/name="relsim-worker"\s+content="([^"]+)_loader\.js"/g)) {
    for (const end of ['_loader.js', '.js', '_bg.wasm']) out.add(m[1] + end);
  }
  // The views the first screen does not need: their chunks and loader, named in a meta tag.
  for (const m of html.matchAll(/name="relsim-chunks"\s+content="([^"]*)"/g)) {
    for (const f of m[1].split(' ')) if (f) out.add(f);
  }
  return [...out].filter((u) => !/^[a-z]+:/i.test(u) && !u.startsWith('//'));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch('./', { cache: 'no-cache' });
    const html = await page.clone().text();
    await cache.put('./', page);
    const files = [...new Set([...SHELL.slice(1), ...referenced(html)])];
    await Promise.all(files.map(async (f) => {
      const res = await fetch(f, { cache: 'no-cache' });
      if (res.ok) await cache.put(f, res);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // A class server's API (live classes) is never cached: its answers change by the second, and
  // its event stream never ends.
  if (url.pathname.startsWith(new URL('./api/', self.location).pathname)) return;
  if (req.mode === 'navigate') {
    // The page: network first (a new release), the cached page when offline. The scenario
    // lives in the fragment or query, so every address of the app is the same page.
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch(req);
        if (res.ok) await cache.put('./', res.clone());
        return res;
      } catch {
        return (await cache.match('./')) ?? Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  })());
});
