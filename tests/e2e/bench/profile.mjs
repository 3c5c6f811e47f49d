// Where an edit's time goes: runs the benchmark's edits on a generated questionnaire (or
// the SME one) under Chromium's sampling profiler and prints the functions with the most
// self and inclusive time. Needs a build whose wasm keeps its name section (see
// docs/performance.md, "Profiling").
//
//   PROFILE_DIST=target/profile-dist node tests/e2e/bench/profile.mjs [300|2000|sme] [edits]
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { launchBrowser, openApp } from '../support.mjs';
import { INDICATOR_ITEMS, questionnaireToml } from './generate.mjs';

const DIST = resolve(process.env.PROFILE_DIST ?? 'target/profile-dist');
const which = process.argv[2] ?? '300';
const EDITS = Number(process.argv[3] ?? 240);
const TOP = Number(process.env.PROFILE_TOP ?? 45);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
  const file = join(DIST, path === '' ? 'index.html' : path);
  if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const dir = mkdtempSync(join(tmpdir(), 'shuzhuan-profile-'));
const browser = await launchBrowser();
try {
  const page = await openApp(browser, url);
  let plan;
  if (which === 'sme') {
    await page.selectOption('#questionnaire', 'sme-digital-level');
    await page.fill('#q-equip_total', '1000');
    await page.waitForSelector('#q-equip_digital');
    plan = (i) => ({ selector: `#q-${i % 2 ? 'equip_networked' : 'equip_digital'}`, value: String(1 + ((i * 37) % 997)) });
  } else {
    const { id, toml } = questionnaireToml(Number(which));
    const file = join(dir, `${id}.toml`);
    writeFileSync(file, toml);
    await page.evaluate(() => document.querySelector('details.load-file')?.setAttribute('open', ''));
    await page.setInputFiles('#questionnaire-file', file);
    await page.waitForSelector(`#q-${INDICATOR_ITEMS.cnc.whole}`);
    for (const whole of [INDICATOR_ITEMS.cnc.whole, INDICATOR_ITEMS.rd.whole]) await page.fill(`#q-${whole}`, '1000');
    plan = (i) => ({ selector: `#q-${i % 2 ? INDICATOR_ITEMS.rd.part : INDICATOR_ITEMS.cnc.part}`, value: String(1 + ((i * 37) % 997)) });
  }
  // One edit: set the value, dispatch input, wait for the next animation frame (so that
  // style, layout and paint are in the profile too).
  const edit = ({ selector, value }) =>
    new Promise((ok) => {
      const el = document.querySelector(selector);
      const t0 = performance.now();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      const sync = performance.now() - t0;
      requestAnimationFrame(() => setTimeout(() => ok(sync), 0));
    });
  for (let i = 0; i < 20; i++) await page.evaluate(edit, plan(i));
  if (process.env.PROFILE_TRACE) {
    // The renderer's own work (style, layout, paint, parsing) by event name instead.
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
    for (let i = 20; i < 20 + EDITS; i++) await page.evaluate(edit, plan(i));
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const events = trace.traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
    const by = new Map();
    for (const e of events) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
    console.log(`renderer main thread, trace events by name (nested events counted in each), ms per edit over ${EDITS} edits:`);
    for (const [nm, t] of [...by].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${(t / EDITS).toFixed(3).padStart(8)}  ${nm}`);
    // How much each layout had to do: objects laid out of those in the tree.
    const layouts = events.filter((e) => e.name === 'Layout' && e.args?.beginData);
    const objects = layouts.map((e) => `${e.args.beginData.dirtyObjects}/${e.args.beginData.totalObjects}${e.args.beginData.partialLayout ? ' partial' : ''}`);
    const counts = new Map();
    for (const o of objects) counts.set(o, (counts.get(o) ?? 0) + 1);
    const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    const styles = events.filter((e) => e.name === 'UpdateLayoutTree');
    console.log(`median Layout ${med(layouts.map((e) => e.dur / 1000)).toFixed(2)} ms, median UpdateLayoutTree ${med(styles.map((e) => e.dur / 1000)).toFixed(2)} ms over ${med(styles.map((e) => e.args?.elementCount ?? 0))} elements`);
    console.log(`layouts: ${layouts.length}; dirty/total objects: ${[...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    process.exit(0);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const syncs = [];
  for (let i = 20; i < 20 + EDITS; i++) syncs.push(await page.evaluate(edit, plan(i)));
  const { profile } = await cdp.send('Profiler.stop');
  syncs.sort((a, b) => a - b);
  console.log(`${which}: ${EDITS} edits; synchronous part of the input handler p50 ${syncs[syncs.length >> 1].toFixed(2)} ms, p95 ${syncs[Math.floor(syncs.length * 0.95)].toFixed(2)} ms`);

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(anonymous ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
  const self = new Map();
  const incl = new Map();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, k) => {
    const dt = (profile.timeDeltas[k] ?? 0) / 1000;
    const n = byId.get(id);
    if (name(n) === '(idle)') {
      idle += dt;
      return;
    }
    total += dt;
    self.set(name(n), (self.get(name(n)) ?? 0) + dt);
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const nm = name(byId.get(x));
      if (seen.has(nm)) continue;
      seen.add(nm);
      incl.set(nm, (incl.get(nm) ?? 0) + dt);
    }
  });
  const show = (map, title) => {
    console.log(`\n${title} (busy ${total.toFixed(0)} ms = ${(total / EDITS).toFixed(2)} ms per edit; idle ${idle.toFixed(0)} ms)`);
    for (const [nm, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      console.log(`${(t / EDITS).toFixed(3).padStart(8)} ms/edit ${((t / total) * 100).toFixed(1).padStart(5)}%  ${nm.slice(0, 150)}`);
    }
  };
  // Self time by where the code comes from: Rust crate, or the browser.
  const crate = (nm) => {
    if (nm.startsWith('(')) return nm;
    const m = nm.match(/^<?(?:&(?:mut )?)?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    if (m) return m[1] === 'core' || m[1] === 'alloc' || m[1] === 'std' ? `${m[1]} (std)` : m[1];
    if (/^(__wbg|wasm-to-js|js-to-wasm|getStringFromWasm0|passStringToWasm0|decode|decodeText|handleError|real|wasm_bindgen)/.test(nm)) return 'wasm-bindgen glue';
    return `browser: ${nm}`;
  };
  const byCrate = new Map();
  for (const [nm, t] of self) byCrate.set(crate(nm), (byCrate.get(crate(nm)) ?? 0) + t);
  show(byCrate, 'self time by crate or browser function');
  show(self, 'self time');
  show(incl, 'inclusive time');
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
