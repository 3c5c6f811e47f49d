// The service worker, registered by start.js once the app runs. Every file of one build is
// precached under a cache named for that build and answered from it, network never asked
// first: after the first visit the app opens, fills, scores, prints, imports and exports
// with no network, and a repeat visit fetches nothing but this file (which the browser
// checks for itself). scripts/post-build.mjs writes VERSION and FILES for each build, so a
// new release is a changed sw.js: it installs beside the running one and waits until the
// page's "reload" offer is taken (a 'skip-waiting' message); it never takes over a page
// mid-assessment. Activating deletes the caches of earlier builds.
const VERSION = 'development';
/** Paths relative to this file; './' is index.html; some carry the `?v=` the app asks with. */
const FILES = [];
const CACHE = `shuzhuan-${VERSION}`;
const PREFIX = 'shuzhuan-';
// Content-hashed names (scripts/site.mjs, HASHED): the HTTP cache may answer for them.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    FILES.map(async (path) => {
      const url = new URL(path, self.location.href);
      // Any other name is revalidated: an old copy must never enter this build's cache.
      const request = new Request(url, { cache: HASHED.test(url.pathname) ? 'default' : 'no-cache' });
      const response = await fetch(request);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      await cache.put(url, response);
    }),
  );
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(CACHE);
  // A navigation may carry a query or name index.html: it gets the page of this build.
  const navigation = request.mode === 'navigate';
  const url = new URL(request.url);
  const page = navigation && (url.pathname === new URL('./', self.location.href).pathname || url.pathname.endsWith('/index.html'));
  const hit = page
    ? await cache.match(new URL('./', self.location.href), { ignoreVary: true })
    : await cache.match(request, { ignoreVary: true });
  return hit ?? fetch(request);
}
