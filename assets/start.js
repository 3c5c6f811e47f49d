// The page's start-up, in a file instead of the inline script Trunk writes, so that the
// Content-Security-Policy allows no inline script (scripts/post-build.mjs puts this
// build's glue and wasm names below and serves this file under a hashed name).
// It downloads and starts the app, which then replaces the boot screen of index.html; if
// that fails or takes too long, the boot screen says so in zh and en and offers to retry.
// Once the app runs it registers the service worker (assets/sw.js) and offers a new
// release when one is waiting, applied only when the user asks for it.
const APP_JS = '__APP_JS__';
const APP_WASM = '__APP_WASM__';
/** Their subresource integrity (Trunk's hashes; empty when the build has none). */
const APP_JS_INTEGRITY = '__APP_JS_INTEGRITY__';
const APP_WASM_INTEGRITY = '__APP_WASM_INTEGRITY__';
/** After this long without the app, the boot screen offers to retry (loading goes on). */
const SLOW_MS = 30_000;
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** How long to wait for the boot screen's first paint where the browser does not report it. */
const FIRST_PAINT_WAIT_MS = 500;

const boot = document.getElementById('boot');
let started = false;

function showFailure(detail) {
  if (started || !boot) return;
  const error = boot.querySelector('.boot-error');
  const first = error.hidden;
  boot.querySelector('.boot-detail').textContent = detail;
  boot.querySelector('.boot-loading').hidden = true;
  error.hidden = false;
  if (first) boot.querySelector('.boot-retry').focus();
}

boot?.querySelector('.boot-retry')?.addEventListener('click', () => location.reload());
const slow = setTimeout(() => showFailure(`${SLOW_MS / 1000} 秒后仍未加载完成。/ Still not loaded after ${SLOW_MS / 1000} s.`), SLOW_MS);

/**
 * Resolves once the boot screen is on the screen: its first contentful paint reported (a
 * frame run is not enough: under load the app could mount before that frame is shown), or
 * after FIRST_PAINT_WAIT_MS where the browser does not report paints.
 */
function bootPainted() {
  return new Promise((painted) => {
    let observer = null;
    const timer = setTimeout(done, FIRST_PAINT_WAIT_MS);
    function done() {
      clearTimeout(timer);
      observer?.disconnect();
      painted();
    }
    const contentful = (entries) => entries.some((e) => e.name === 'first-contentful-paint');
    if (contentful(performance.getEntriesByType?.('paint') ?? [])) return done();
    try {
      observer = new PerformanceObserver((list) => contentful(list.getEntries()) && done());
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing: the timer.
    }
  });
}

async function start() {
  // The boot screen is painted first, and only then are the glue and the wasm fetched and
  // the app started: on a fast link the app would otherwise be running before the first
  // paint, and the page show nothing until it had mounted; and the first paint waits for
  // no download but the page's own.
  await bootPainted();
  // The glue is preloaded with its integrity, which the import then uses.
  const glueLink = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: APP_JS, crossOrigin: 'anonymous' });
  if (APP_JS_INTEGRITY) glueLink.integrity = APP_JS_INTEGRITY;
  document.head.append(glueLink);
  const wasmUrl = new URL(APP_WASM, location.href).href;
  const wasm = fetch(wasmUrl, { credentials: 'same-origin', integrity: APP_WASM_INTEGRITY }).then(
    (response) => {
      if (!response.ok) throw new Error(`${APP_WASM}: HTTP ${response.status}`);
      return response;
    },
    (error) => {
      throw new Error(`${APP_WASM}: ${error.message}`);
    },
  );
  const glue = await import(APP_JS);
  await glue.default({ module_or_path: wasm });
}

// The app mounts in a task after its wasm has started, replaces the boot screen itself (so
// that nothing blank is shown between the two) and then says so.
addEventListener(
  'shuzhuan:mounted',
  () => {
    started = true;
    clearTimeout(slow);
    if (document.readyState === 'complete') offline();
    else addEventListener('load', offline, { once: true });
  },
  { once: true },
);
// A failure after the wasm has started (its mount panicking) is said at once too.
addEventListener('error', (event) => showFailure(String(event.message || event.error)));

start().catch((error) => {
  clearTimeout(slow);
  console.error(error);
  showFailure(String(error?.message ?? error));
});

// ---------------------------------------------------------------------------------------
// Offline: the service worker, registered after the page has loaded so that its precache
// never competes with the first visit's downloads.

function offline() {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const hadController = Boolean(sw.controller);
  let accepted = false;
  sw.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
    // Another tab took the new release: this page is now of an older build than the cache.
    else if (hadController) offerUpdate(() => location.reload());
  });
  sw.register('./sw.js').then(
    (registration) => {
      // Some browsers (or policies that block service workers) resolve without one.
      if (!registration) return;
      const offerWaiting = (worker) =>
        offerUpdate(() => {
          accepted = true;
          worker.postMessage('skip-waiting');
        });
      if (registration.waiting && sw.controller) offerWaiting(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && sw.controller) offerWaiting(worker);
        });
      });
      setInterval(() => registration.update().catch(() => {}), UPDATE_CHECK_MS);
    },
    (error) => console.warn('service worker not registered:', error),
  );
}

/** Shows the offer of a new release in #update-offer (role=status); `apply` takes it. */
function offerUpdate(apply) {
  const box = document.getElementById('update-offer');
  if (!box) return;
  const text = document.createElement('span');
  const en = document.createElement('span');
  en.lang = 'en';
  en.textContent = 'A new version is available — reload to use it.';
  text.append('新版本可用，刷新即可使用。 ', en);
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'update-reload';
  reload.textContent = '刷新 / Reload';
  reload.addEventListener('click', () => {
    reload.disabled = true;
    apply();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'secondary-dark update-later';
  later.textContent = '稍后 / Later';
  later.addEventListener('click', () => {
    box.replaceChildren();
    box.classList.remove('shown');
  });
  box.replaceChildren(text, reload, later);
  box.classList.add('shown');
}
