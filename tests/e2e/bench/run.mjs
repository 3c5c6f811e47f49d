// The benchmark of issue 7: sizes of what the browser loads, load and edit latencies in
// headless Chromium, printing to PDF, and the CLI's scoring throughput, each printed
// beside its budget. Timing is noisy, so a figure over budget is reported, never fatal:
// this exits 0 unless the benchmark itself fails.
//
//   node tests/e2e/bench/run.mjs        (after `trunk build --release`; scripts/bench.sh does both)
//
// Environment: BENCH_DIST (the build to measure, default dist/; scripts/bench.sh builds
// into target/bench-dist so that a concurrent `trunk build` cannot swap files under it),
// BENCH_LOAD_RUNS (7), BENCH_EDITS (240), BENCH_CLI_FILES (10000), BENCH_ROLLUP_FILES
// (100000), BENCH_SKIP_CLI=1 (no CLI part), and BENCH_ONLY, a comma-separated list of
// the parts to run (sizes, load, repeat, sme, 300, 2000, 5000, lighthouse, check, cli,
// rollup; default all), e.g. BENCH_ONLY=sme,300,2000,5000 for the edit latencies alone,
// BENCH_ONLY=rollup for the roll-up. The build is served as it ships
// (scripts/static-server.mjs: brotli, cache headers, the CSP header). Lighthouse runs if
// `scripts/setup.sh bench` installed it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { launchBrowser, openApp, ROOT, DIST as DEFAULT_DIST, chooseQuestionnaire } from '../support.mjs';
import { serveDir } from '../../../scripts/static-server.mjs';
import { answersJson, INDICATOR_ITEMS, questionnaireToml } from './generate.mjs';

const DIST = resolve(process.env.BENCH_DIST ?? DEFAULT_DIST);
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 7);
const EDITS = Number(process.env.BENCH_EDITS ?? 240);
const WARMUP_EDITS = 20;
const PDF_RUNS = 3;
const CLI_FILES = Number(process.env.BENCH_CLI_FILES ?? 10000);
const CLI_RUNS = 3;
const CLI_QUESTIONS = 50; // about the size of the SME questionnaire (42 items)
const ROLLUP_FILES = Number(process.env.BENCH_ROLLUP_FILES ?? 100000);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const runs = (part) => !ONLY || ONLY.has(part);

const rows = []; // { name, value, budget, status, note }
const failures = [];

// ---------------------------------------------------------------------------------------
// Helpers

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (x) => (x == null ? '—' : x < 10 ? `${x.toFixed(2)} ms` : x < 100 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);

function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  // Nearest rank: the smallest value with at least q of the sample at or below it.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (v) => quantile(v, 0.5);

/** Adds a row; `limit` is [op, number, format] or null for a figure with no budget. */
function row(name, value, limit, format, note = '') {
  let budget = '—';
  let status = '';
  if (limit && value != null) {
    const [op, bound] = limit;
    budget = `${op} ${format(bound)}`;
    const ok = op === '≤' ? value <= bound : op === '<' ? value < bound : op === '≥' ? value >= bound : value > bound;
    status = ok ? 'ok' : 'OVER';
  } else if (limit) {
    budget = `${limit[0]} ${format(limit[1])}`;
  }
  rows.push({ name, value: value == null ? '—' : format(value), budget, status, note });
}

function textRow(name, value, note = '') {
  rows.push({ name, value, budget: '', status: '', note });
}

async function section(title, fn) {
  process.stderr.write(`… ${title}\n`);
  try {
    await fn();
  } catch (e) {
    failures.push(`${title}: ${e.stack ?? e}`);
    textRow(title, 'FAILED', String(e.message ?? e).split('\n')[0].slice(0, 80));
  }
}

function pad(s, n, right = false) {
  s = String(s);
  // CJK and other wide characters take two columns in a terminal.
  const width = [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(c) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, n - width));
  return right ? fill + s : s + fill;
}

/** Bytes the server has sent (bodies, as encoded on the wire), by path. */
const sent = [];
/** The build in DIST served as scripts/serve.sh serves it; resolves to { url, close }. */
function serveBuild() {
  return serveDir(DIST, { onSent: (path, bytes) => sent.push({ path, bytes }) });
}

// ---------------------------------------------------------------------------------------
// 1. Sizes of every file in dist/; the total counts those a first visit requested (the
//    load runs below record them), not those fetched on demand: the longer built-in
//    questionnaires when chosen, the files worker when a file is opened, imported or exported.

const sizeRows = [];
/** Paths (relative to dist/) the page requested on its first visit, set by `load`. */
let firstVisit = null;
function sizes() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      // The .br and .gz copies are what is sent: their sizes are the brotli and gzip columns.
      else if (!/\.(br|gz)$/.test(name)) files.push(p);
    }
  };
  walk(DIST);
  for (const file of files.sort()) {
    const body = readFileSync(file);
    const s = {
      name: relative(DIST, file),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: {
          [zc.BROTLI_PARAM_QUALITY]: 11,
          [zc.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    };
    sizeRows.push(s);
  }
}

/** The first-visit total; without a recorded visit, every file counts. */
function firstVisitTotal() {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const s of sizeRows) {
    s.firstVisit = firstVisit === null || firstVisit.has(s.name);
    if (s.firstVisit) for (const k of ['raw', 'gzip', 'brotli']) total[k] += s[k];
  }
  const later = sizeRows.filter((s) => !s.firstVisit).length;
  sizeRows.push({ name: 'total of the first visit', ...total, firstVisit: true });
  const note = `gzip -9 ${kB(total.gzip)}, raw ${kB(total.raw)}${later ? `; ${later} file(s) fetched only on demand` : ''}${firstVisit === null ? '; no visit recorded: all files counted' : ''}`;
  row('first visit, total brotli -q 11', total.brotli, ['≤', 215_000], kB, note);
}

// ---------------------------------------------------------------------------------------
// 2. Load: navigation start → first question interactive, → results chart drawn

// Runs in the page before any of its scripts: timestamps (performance.now(), whose zero
// is the navigation start) the first moment each milestone is in the DOM.
function milestones() {
  const marks = (window.__bench = {});
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async function (...args) {
    const result = await instantiate.apply(this, args);
    marks.instantiated ??= performance.now();
    return result;
  };
  const check = () => {
    if (marks.question === undefined) {
      const el = document.getElementById('q-key_processes');
      if (el && !el.disabled) marks.question = performance.now();
    }
    if (marks.chart === undefined && document.querySelector('.results .chart-svg svg')) marks.chart = performance.now();
    if (marks.question !== undefined && marks.chart !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

async function load(browser, url) {
  const question = [];
  const chart = [];
  const wasm = [];
  const instantiated = [];
  const start = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    // A fresh context each run: new profile, empty cache and storage.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(milestones);
    const page = await context.newPage();
    const requested = new Set();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname.replace(/^\//, '');
      requested.add(path === '' ? 'index.html' : decodeURIComponent(path));
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.question !== undefined && window.__bench.chart !== undefined, null, {
      timeout: 30_000,
    });
    const m = await page.evaluate(() => ({
      ...window.__bench,
      wasm: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.responseEnd,
    }));
    question.push(m.question);
    chart.push(m.chart);
    if (m.wasm != null) wasm.push(m.wasm);
    if (m.instantiated != null) instantiated.push(m.instantiated);
    if (m.instantiated != null) start.push(m.question - m.instantiated);
    // Settle: anything fetched after the first question counts too.
    await page.waitForLoadState('networkidle');
    if (i === 0) firstVisit = requested;
    await context.close();
  }
  const fmt = (v) => v.map((x) => Math.round(x)).join(' ');
  row(`load → first question interactive, median of ${LOAD_RUNS}`, median(question), ['≤', 300], ms, `runs: ${fmt(question)}; medians: wasm fetched ${ms(median(wasm))}, instantiated ${ms(median(instantiated))}, instantiated → question ${ms(median(start))}`);
  row(`load → results chart drawn, median of ${LOAD_RUNS}`, median(chart), null, ms, `runs: ${fmt(chart)}`);
}

// ---------------------------------------------------------------------------------------
// 2b. Offline: what the service worker downloads after the first visit (its precache), and
//     what a repeat visit downloads (nothing but, at most, sw.js, which the browser checks).

async function repeatVisit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bytes = (from) => sent.slice(from).reduce((sum, s) => sum + s.bytes, 0);
  let mark = sent.length;
  const pageRequests = new Set();
  page.on('request', (r) => pageRequests.add(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForSelector('.section-nav');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const first = sent.slice(mark);
  const precached = first.filter((s) => !pageRequests.has(`/${s.path === 'index.html' ? '' : s.path}`) && !pageRequests.has(`/${s.path}`));
  row(
    'first visit: service worker precache, sent',
    precached.reduce((sum, s) => sum + s.bytes, 0),
    null,
    kB,
    `after the app runs: ${precached.map((s) => s.path).join(', ')}`,
  );
  row('first visit: all bytes sent (page + precache)', bytes(mark), null, kB, `${first.length} responses`);
  mark = sent.length;
  await page.reload();
  await page.waitForSelector('.section-nav');
  await page.waitForLoadState('networkidle');
  const again = sent.slice(mark);
  row('repeat visit: bytes fetched', bytes(mark), ['≤', 1000], kB, again.length ? `sent: ${again.map((s) => `${s.path} ${s.bytes} B`).join(', ')}` : 'nothing sent: every file from the service worker');
  await context.close();
}

// ---------------------------------------------------------------------------------------
// 2c. Lighthouse (mobile: its simulated slow 4G and 4x CPU slowdown), on the build served
//     compressed; installed into .tools/lighthouse by `scripts/setup.sh bench`.

async function lighthouse(url) {
  const bin = join(ROOT, '.tools/lighthouse/node_modules/.bin/lighthouse');
  if (!existsSync(bin)) {
    textRow('Lighthouse', 'not installed', 'scripts/setup.sh bench installs it');
    return;
  }
  const out = join(dir, 'lighthouse.json');
  const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'].join(' ');
  // Asynchronously: the server answering Lighthouse runs in this process.
  const child = spawn(
    bin,
    [url, '--quiet', '--output=json', `--output-path=${out}`, `--chrome-flags=${chromeFlags}`, '--only-categories=performance,accessibility,best-practices,seo'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise((ok) => child.on('exit', ok));
  if (status !== 0 || !existsSync(out)) throw new Error(`lighthouse exit ${status}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const score = (id) => Math.round(report.categories[id].score * 100);
  const audit = (id) => report.audits[id];
  const failing = (id) =>
    report.categories[id].auditRefs
      .filter((a) => a.weight > 0 && audit(a.id).score !== null && audit(a.id).score < 1)
      .map((a) => a.id)
      .join(', ');
  const metrics = Object.entries({ FCP: 'first-contentful-paint', LCP: 'largest-contentful-paint', TBT: 'total-blocking-time', CLS: 'cumulative-layout-shift', SI: 'speed-index' })
    .map(([name, id]) => `${name} ${audit(id).displayValue}`)
    .join(', ');
  const points = (x) => String(x);
  row('Lighthouse mobile: performance', score('performance'), ['≥', 98], points, metrics);
  for (const [id, name] of [['accessibility', 'accessibility'], ['best-practices', 'best practices'], ['seo', 'SEO']]) {
    const f = failing(id);
    row(`Lighthouse mobile: ${name}`, score(id), ['≥', 100], points, f ? `below 1: ${f}` : '');
  }
  const lcp = audit('largest-contentful-paint-element')?.details?.items?.[0]?.items?.[0]?.node?.snippet;
  if (lcp) textRow('Lighthouse: LCP element', lcp.slice(0, 60));
  const long = audit('long-tasks')?.details?.items?.slice(0, 3).map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms`);
  if (long?.length) textRow('Lighthouse: longest main-thread tasks', long.join('; '), `Lighthouse ${report.lighthouseVersion}`);
}

// ---------------------------------------------------------------------------------------
// 3. Edits: answer → rescored results and redrawn chart

// Runs in the page: types `value` into `selector` as the browser would report it (an
// 'input' event) and times until the results panel has changed. The MutationObserver
// fires once Leptos has started patching .results; the MessageChannel task then runs
// after every microtask (Leptos runs its effects as microtasks), and reading layout there
// forces style and layout. `dom` is the time to that point; `frame` adds the wait for the
// next animation frame (up to one vsync of idle time). `late` counts mutations of .results
// after `dom` was taken: 0 means `dom` saw the whole update.
function editInPage({ selector, value }) {
  const el = document.querySelector(selector);
  const results = document.querySelector('.results');
  if (!el) throw new Error(`no ${selector}`);
  // Time spent in localStorage.setItem (the autosave), to tell it apart in the notes.
  if (!window.__benchSave) {
    window.__benchSave = { ms: 0, chars: 0 };
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, v) {
      const t = performance.now();
      setItem.call(this, key, v);
      window.__benchSave.ms += performance.now() - t;
      window.__benchSave.chars = String(v).length;
    };
  }
  window.__benchSave.ms = 0;
  return new Promise((resolve) => {
    let t0 = 0;
    let dom = null;
    let late = 0;
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ dom: null, frame: null, late, save: 0, saved: 0 });
    }, 5000);
    const observer = new MutationObserver((records) => {
      if (dom !== null) {
        late += records.length;
        return;
      }
      if (observer.started) return;
      observer.started = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        void results.getBoundingClientRect();
        void document.body.offsetHeight;
        dom = performance.now() - t0;
        requestAnimationFrame(() => {
          const frame = performance.now() - t0;
          clearTimeout(timer);
          // Let any straggling mutation reach the observer before it is disconnected.
          setTimeout(() => {
            late += observer.takeRecords().length;
            observer.disconnect();
            resolve({ dom, frame, late, save: window.__benchSave.ms, saved: window.__benchSave.chars });
          }, 0);
        });
      };
      channel.port2.postMessage(0);
    });
    observer.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
    t0 = performance.now();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** `plan(i)` gives the i-th edit as { selector, value }; each must change the results. */
async function edits(page, label, plan, budgetP95) {
  const dom = [];
  const frame = [];
  const save = [];
  let saved = 0;
  let unchanged = 0;
  let late = 0;
  for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
    const r = await page.evaluate(editInPage, plan(i));
    if (i < WARMUP_EDITS) continue;
    if (r.dom == null) {
      unchanged += 1;
      continue;
    }
    dom.push(r.dom);
    frame.push(r.frame);
    save.push(r.save);
    saved = r.saved;
    late += r.late;
  }
  if (page.problems.length > 0) throw new Error(page.problems.join('; '));
  const notes = [`to next frame p50/p95 ${ms(median(frame))}/${ms(quantile(frame, 0.95))}`];
  if (unchanged) notes.push(`${unchanged} edits changed nothing`);
  if (late) notes.push(`${late} late mutations`);
  row(`edit → results, ${label}: p50`, median(dom), null, ms, `${dom.length} edits, max ${ms(Math.max(...dom))}; autosave setItem p50 ${ms(median(save))} (${saved.toLocaleString('en')} characters)`);
  row(`edit → results, ${label}: p95`, quantile(dom, 0.95), budgetP95 ? ['<', budgetP95] : null, ms, notes.join('; '));
}

/** Edits that alternate between two parts of two wholes of 1,000: every one moves a ratio. */
function alternating(partA, partB, every = null) {
  return (i) => {
    if (every && i % every.period === every.period - 1) {
      return { selector: `#q-${every.id}`, value: String(every.values[Math.floor(i / every.period) % every.values.length]) };
    }
    return { selector: `#q-${i % 2 ? partB : partA}`, value: String(1 + ((i * 37) % 997)) };
  };
}

async function pdfTimes(page, label) {
  await page.click('#toggle-report');
  await page.waitForSelector('.report');
  const times = [];
  let pages = 0;
  let bytes = 0;
  for (let i = 0; i < PDF_RUNS; i++) {
    const t0 = performance.now();
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    times.push(performance.now() - t0);
    bytes = pdf.length;
    pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  }
  row(`print report to A4 PDF, ${label}, median of ${PDF_RUNS}`, median(times), null, ms, `${pages} pages, ${kB(bytes)}`);
  await page.click('#toggle-report');
}

async function sme(browser, url) {
  const page = await openApp(browser, url);
  await chooseQuestionnaire(page, 'sme-digital-level');
  await page.waitForSelector('#q-equip_total');
  await page.fill('#q-equip_total', '1000');
  await page.waitForSelector('#q-equip_digital');
  await edits(page, 'SME (42 items)', alternating('equip_digital', 'equip_networked', { period: 20, id: 'equip_total', values: [1200, 1000] }), null);
  await pdfTimes(page, 'SME');
  await page.context().close();
}

async function generated(browser, url, dir, questions, budgetP95) {
  const { id, toml } = questionnaireToml(questions);
  const file = join(dir, `${id}.toml`);
  writeFileSync(file, toml);
  const page = await openApp(browser, url);
  await page.evaluate(() => document.querySelector('details.load-file')?.setAttribute('open', ''));
  const t0 = performance.now();
  await page.setInputFiles('#questionnaire-file', file);
  await page.waitForFunction(
    (want) => document.querySelector('#questionnaire')?.value === want || document.querySelector('.load-errors li'),
    id,
    { timeout: 60_000 },
  );
  const errors = await page.locator('.load-errors li').allInnerTexts();
  if (errors.length) throw new Error(`${id} did not load: ${errors.slice(0, 3).join(' | ')}`);
  await page.waitForSelector(`#q-${INDICATOR_ITEMS.cnc.whole}`);
  const loaded = performance.now() - t0;
  textRow(`load a ${questions.toLocaleString('en')}-question file → shown`, ms(loaded), `${kB(toml.length)} of TOML, timed from Node`);
  for (const whole of [INDICATOR_ITEMS.cnc.whole, INDICATOR_ITEMS.rd.whole]) await page.fill(`#q-${whole}`, '1000');
  await edits(page, `${questions.toLocaleString('en')} questions`, alternating(INDICATOR_ITEMS.cnc.part, INDICATOR_ITEMS.rd.part), budgetP95);
  if (questions === 2000) await pdfTimes(page, `${questions.toLocaleString('en')} q.`);
  await page.context().close();
}

// ---------------------------------------------------------------------------------------
// 4. CLI: `shuzhuan check` on 5,000 items, `shuzhuan score` over 10,000 answers files

/** The release CLI, built once; null (reported under `name`) if it cannot be built. */
let cliBin;
function cliBinary(name) {
  if (cliBin === undefined) {
    const build = spawnSync('cargo', ['build', '--release', '--quiet', '--bin', 'shuzhuan'], { cwd: ROOT, encoding: 'utf8' });
    cliBin = build.status === 0 ? join(ROOT, 'target/release/shuzhuan') : null;
    if (!cliBin) textRow(name, 'not available (release build failed)', (build.stderr ?? '').trim().split('\n').pop()?.slice(0, 80));
  }
  return cliBin;
}

const CHECK_QUESTIONS = 5000;
const CHECK_RUNS = 3;

/** `shuzhuan check` on a questionnaire of 5,000 items, most of them conditional. */
function checkLarge(dir) {
  const bin = cliBinary('check 5000');
  if (!bin) return;
  const { toml } = questionnaireToml(CHECK_QUESTIONS, { sections: 50, dependent: true });
  const q = join(dir, 'check-5000.toml');
  writeFileSync(q, toml);
  const walls = [];
  for (let run = 0; run < CHECK_RUNS; run++) {
    const t0 = performance.now();
    const r = spawnSync(bin, ['check', q], { encoding: 'utf8', maxBuffer: 1 << 26 });
    walls.push(performance.now() - t0);
    if (r.status !== 0) {
      textRow('check 5000', `exit ${r.status}`, (r.stdout || r.stderr).trim().split('\n')[0].slice(0, 80));
      return;
    }
  }
  row(
    `check 5000, median of ${CHECK_RUNS}`,
    median(walls),
    ['≤', 1000],
    ms,
    `${CHECK_QUESTIONS.toLocaleString('en')} items, ${kB(statSync(q).size)}, each choice item conditional on two before it; ${walls.map((w) => Math.round(w)).join(' ')} ms`,
  );
}

function cli(dir) {
  const bin = cliBinary('CLI score');
  if (!bin) return;
  const help = spawnSync(bin, ['score', '--help'], { encoding: 'utf8' });
  if (help.status !== 0 || !/score/.test(help.stdout + help.stderr)) {
    textRow('CLI score', 'not available yet', '`shuzhuan score --help` fails');
    return;
  }
  const { id, toml } = questionnaireToml(CLI_QUESTIONS);
  const q = join(dir, `${id}.toml`);
  writeFileSync(q, toml);
  const targets = 'national-2025';
  const format = /csv/.test(help.stdout) ? ['--format', 'csv'] : [];
  // The answers file as the app exports it (src/domain/answers_file.rs, docs/scoring.md);
  // the bare `Answers` is a fallback should the format change.
  const candidates = [
    (values) =>
      JSON.stringify({
        format: 'shuzhuan-answers',
        format_version: 1,
        questionnaire: { id, version: 'bench' },
        target_profile: 'national-2025',
        answers: JSON.parse(values),
        created_at: '2026-11-21T09:30:00Z',
        updated_at: '2026-11-21T10:05:00Z',
      }),
    (values) => values,
  ];
  const probe = join(dir, 'probe.json');
  let shape = null;
  let lastErr = '';
  for (const c of candidates) {
    writeFileSync(probe, c(answersJson(CLI_QUESTIONS, 1)));
    const r = spawnSync(bin, ['score', '--questionnaire', q, '--targets', targets, ...format, probe], { encoding: 'utf8' });
    if (r.status === 0) {
      shape = c;
      break;
    }
    lastErr = (r.stderr || r.stdout).trim().split('\n')[0];
  }
  if (!shape) {
    textRow('CLI score', 'answers format not recognised', lastErr.slice(0, 80));
    return;
  }
  const answersDir = join(dir, 'answers');
  mkdirSync(answersDir);
  const files = [];
  for (let i = 0; i < CLI_FILES; i++) {
    const f = join(answersDir, `${i}.json`);
    writeFileSync(f, shape(answersJson(CLI_QUESTIONS, i + 1)));
    files.push(f);
  }
  const args = ['score', '--questionnaire', q, '--targets', targets, ...format, ...files];
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const walls = [];
  let rssKiB = 0;
  let lines = 0;
  for (let run = 0; run < CLI_RUNS; run++) {
    const t0 = performance.now();
    const r = timeBin
      ? spawnSync(timeBin, ['-v', '-o', join(dir, 'time.txt'), bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 })
      : spawnSync(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    walls.push(performance.now() - t0);
    if (r.status !== 0) {
      textRow('CLI score', `exit ${r.status}`, String(r.stderr).trim().split('\n')[0].slice(0, 80));
      return;
    }
    lines = String(r.stdout).trim().split('\n').length;
    if (timeBin) {
      const m = readFileSync(join(dir, 'time.txt'), 'utf8').match(/Maximum resident set size \(kbytes\): (\d+)/);
      if (m) rssKiB = Math.max(rssKiB, Number(m[1]));
    }
  }
  const wall = median(walls);
  row(
    `CLI score, ${CLI_FILES.toLocaleString('en')} files, median of ${CLI_RUNS}`,
    CLI_FILES / (wall / 1000),
    ['≥', 10_000],
    (x) => `${Math.round(x).toLocaleString('en')} files/s`,
    `${ms(wall)} wall (${walls.map((w) => Math.round(w)).join(' ')}); peak RSS ${timeBin ? `${(rssKiB / 1024).toFixed(1)} MiB` : 'n/a (no /usr/bin/time)'}; ` +
      `${CLI_QUESTIONS}-question files of ${kB(statSync(files[0]).size)}; ${lines.toLocaleString('en')} lines out`,
  );
}

// ---------------------------------------------------------------------------------------
// 5. CLI: `shuzhuan rollup` streaming over 100,000 answers files in a folder (more paths
//    than a command line can hold), its peak memory beside that of a tenth as many files:
//    bounded memory means the two are about the same.

/** Writes `count` answers files of the generated questionnaire into `folder`, numbered from `from`. */
function writeAnswers(folder, id, from, count) {
  for (let i = from; i < from + count; i++) {
    const values = JSON.parse(answersJson(CLI_QUESTIONS, i + 1));
    writeFileSync(
      join(folder, `${i}.json`),
      JSON.stringify({ format: 'shuzhuan-answers', format_version: 1, questionnaire: { id, version: 'bench' }, target_profile: 'national-2025', answers: values }),
    );
  }
}

function rollupCli(dir) {
  const bin = cliBinary('CLI rollup');
  if (!bin) return;
  const { id, toml } = questionnaireToml(CLI_QUESTIONS);
  const q = join(dir, `rollup-${id}.toml`);
  writeFileSync(q, toml);
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const run = (folder) => {
    const args = ['rollup', '--questionnaire', q, '--profile', 'national-2025', '--format', 'json', folder];
    const t0 = performance.now();
    const r = timeBin
      ? spawnSync(timeBin, ['-v', '-o', join(dir, 'rollup-time.txt'), bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 })
      : spawnSync(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`rollup exit ${r.status}: ${String(r.stderr).trim().split('\n').pop()}`);
    const firms = JSON.parse(String(r.stdout)).firms;
    const m = timeBin ? readFileSync(join(dir, 'rollup-time.txt'), 'utf8').match(/Maximum resident set size \(kbytes\): (\d+)/) : null;
    return { wall, firms, rssMiB: m ? Number(m[1]) / 1024 : null };
  };
  const tenth = Math.max(1, Math.round(ROLLUP_FILES / 10));
  const small = join(dir, 'rollup-small');
  const large = join(dir, 'rollup-large');
  mkdirSync(small);
  mkdirSync(large);
  const t0 = performance.now();
  writeAnswers(small, id, 0, tenth);
  writeAnswers(large, id, 0, ROLLUP_FILES);
  const written = performance.now() - t0;
  const a = run(small);
  const b = run(large);
  if (b.firms !== ROLLUP_FILES) throw new Error(`rolled up ${b.firms} of ${ROLLUP_FILES} files`);
  const rss = (x) => (x.rssMiB == null ? 'n/a (no /usr/bin/time)' : `${x.rssMiB.toFixed(1)} MiB`);
  row(
    `CLI rollup, ${ROLLUP_FILES.toLocaleString('en')} files in a folder`,
    ROLLUP_FILES / (b.wall / 1000),
    ['≥', 10_000],
    (x) => `${Math.round(x).toLocaleString('en')} files/s`,
    `${ms(b.wall)} wall; peak RSS ${rss(b)} (${tenth.toLocaleString('en')} files: ${rss(a)}, ${ms(a.wall)}); files written in ${ms(written)}`,
  );
}

// ---------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'shuzhuan-bench-'));
let browserVersion = '';
const started = performance.now();
const loadBefore = loadavg()[0];
try {
  // The browser parts need a build; the CLI parts alone do not.
  if (['sizes', 'load', 'repeat', 'lighthouse', 'sme', '300', '2000', '5000'].some(runs)) {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run \`trunk build --release\` first`);
    if (runs('sizes')) await section('sizes', async () => sizes());
    const server = await serveBuild();
    const browser = await launchBrowser();
    browserVersion = browser.version();
    try {
      if (runs('load')) await section('load', () => load(browser, server.url));
      if (runs('sizes')) firstVisitTotal();
      if (runs('repeat')) await section('repeat visit', () => repeatVisit(browser, server.url));
      if (runs('lighthouse')) await section('Lighthouse', () => lighthouse(server.url));
      if (runs('sme')) await section('edits on the SME questionnaire', () => sme(browser, server.url));
      if (runs('300')) await section('edits on 300 questions', () => generated(browser, server.url, dir, 300, 8));
      if (runs('2000')) await section('edits on 2,000 questions', () => generated(browser, server.url, dir, 2000, 50));
      // The largest questionnaire a file should have (issue 16): each keystroke within a
      // response's 100 ms.
      if (runs('5000')) await section('edits on 5,000 questions', () => generated(browser, server.url, dir, 5000, 100));
    } finally {
      await browser.close();
      await server.close();
    }
  }
  if (process.env.BENCH_SKIP_CLI) textRow('CLI check, score and rollup', 'skipped (BENCH_SKIP_CLI)');
  else {
    if (runs('check')) await section('check 5000', async () => checkLarge(dir));
    if (runs('cli')) await section('CLI score', async () => cli(dir));
    if (runs('rollup')) await section('CLI rollup', async () => rollupCli(dir));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------
// The table

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() ? ' (with uncommitted changes)' : '';
console.log(`\nShuzhuan benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}${dirty}`);
console.log(`${cpus().length} cores, load average ${loadBefore.toFixed(2)} at start and ${loadavg()[0].toFixed(2)} at end; Node ${process.version}, Chromium ${browserVersion} headless; kB = 1,000 bytes\n`);

const distName = DIST.startsWith(`${ROOT}/`) ? relative(ROOT, DIST) : DIST;
console.log(`${pad(`${distName}/`, 44)}${pad('raw', 12, true)}${pad('gzip -9', 12, true)}${pad('brotli 11', 12, true)}  loaded`);
for (const s of sizeRows) {
  if (s.name.startsWith('total')) console.log('-'.repeat(94));
  const when = s.name.startsWith('total') ? '' : s.firstVisit ? 'first visit' : 'on demand';
  console.log(`${pad(s.name, 44)}${pad(kB(s.raw), 12, true)}${pad(kB(s.gzip), 12, true)}${pad(kB(s.brotli), 12, true)}  ${when}`);
}
console.log('');
const W = [50, 15, 18, 6];
console.log(`${pad('figure', W[0])}${pad('value', W[1], true)}${pad('budget', W[2], true)}  ${pad('', W[3])}note`);
console.log('-'.repeat(120));
for (const r of rows) {
  console.log(`${pad(r.name, W[0])}${pad(r.value, W[1], true)}${pad(r.budget, W[2], true)}  ${pad(r.status, W[3])}${r.note}`);
}
const over = rows.filter((r) => r.status === 'OVER');
console.log(`\n${over.length ? `OVER budget: ${over.map((r) => r.name).join('; ')}` : 'Every figure with a budget is within it.'}`);
console.log(`(benchmark took ${Math.round((performance.now() - started) / 1000)} s)`);

if (failures.length) {
  console.error(`\nThe benchmark itself failed:\n${failures.join('\n\n')}`);
  process.exit(1);
}
