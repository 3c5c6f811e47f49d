// Shared by the end-to-end tests: dist/ served as it ships, and Debian's headless Chromium.
import { execFileSync } from 'node:child_process';
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDir } from '../../scripts/static-server.mjs';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIST = join(ROOT, 'dist');
export const OUTPUT = join(ROOT, 'tests/e2e/output');

/**
 * Serves dist/ (or `dir`) on a free loopback port as scripts/serve.sh does (compressed,
 * cache headers, the CSP header: scripts/static-server.mjs); resolves to { url, close }.
 */
export async function serveDist(dir = DIST, options = {}) {
  return serveDir(dir, options);
}

// Flags these machines need: no sandbox as root, and no background traffic to a closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium with a fresh profile (Playwright makes a new user-data-dir). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A new page on the app with the wasm mounted, failing the test on any script error.
 * `serviceWorkers: 'block'` stands for a visit the service worker has not yet cached
 * anything for (its precache would otherwise answer for a network the test cuts).
 */
export async function openApp(browser, url, { width = 1280, height = 900, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`unexpected dialog: ${d.message()}`);
    d.dismiss();
  });
  page.problems = problems;
  await page.goto(url);
  await page.waitForSelector('.section-nav');
  return page;
}

/**
 * Chooses a questionnaire in the setup list and waits until the form shows it: the
 * built-in ones other than the default are downloaded when first chosen.
 */
export async function chooseQuestionnaire(page, id) {
  await showSetup(page);
  await page.selectOption('#questionnaire', id);
  await page.waitForSelector(`.questionnaire[data-questionnaire="${id}"]`);
}

/**
 * Unfolds "my assessments" (folded by default) and waits for the desk, the second wasm
 * it shows, to be mounted with the saved assessments listed.
 */
export async function openLibrary(page) {
  if (!(await page.evaluate(() => document.getElementById('library').open))) await page.click('#library-summary');
  await page.waitForSelector('#desk-root .desk');
}

/** Imports an answers file as a user does: "my assessments" unfolded, the file chosen. */
export async function importAnswers(page, file) {
  await openLibrary(page);
  await page.setInputFiles('#import-answers', file);
}

/** Unfolds the setup (folded on a phone to what is in use) if it is folded. */
export async function showSetup(page) {
  if (!(await page.evaluate(() => document.getElementById('setup-details').open))) await page.click('#setup-summary');
}

/** Unfolds the firm's fields (optional, so folded on a phone) if they are folded. */
export async function showFirmFields(page) {
  await showSetup(page);
  if (!(await page.evaluate(() => document.getElementById('firm-details').open))) await page.click('#firm-summary');
}

/** Fills the quick check as a typical firm would: 22 of 40 key processes CNC, six of its
 *  eight management functions on a system, 27 of 30 R&D staff with digital tools. */
export async function fillQuickFirm(page, firmName) {
  await showFirmFields(page);
  await page.fill('#firm-name', firmName);
  await page.fill('#q-key_processes', '40');
  await page.fill('#q-cnc_key_processes', '22');
  await page.click('#nav-section-1');
  await page.fill('#q-mgmt_functions', '8');
  await page.fill('#q-mgmt_functions_digital', '6');
  await page.click('#nav-section-2');
  await page.fill('#q-rd_staff', '30');
  await page.fill('#q-rd_staff_with_tools', '27');
}

/** Prints the page as the report is printed (A4, backgrounds, the CSS page size) to `path`. */
export async function printReport(page, path) {
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
}

/** The text of a PDF (pdftotext), in reading order or, with `layout`, as laid out. */
export function pdfText(path, { layout = false } = {}) {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), path, '-'], { encoding: 'utf8' });
}

/** The text of a results-table cell, e.g. cell(page, 'cnc_rate', 'value'). */
export function cell(page, indicator, column, scope = '.results') {
  return page.locator(`${scope} tr[data-indicator="${indicator}"] .${column}`).innerText();
}

/** x, width and fill of every rect in an SVG on the page. */
export async function svgRects(page, selector) {
  return page.$$eval(`${selector} rect`, (rects) =>
    rects.map((r) => ({ x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')), fill: r.getAttribute('fill') })),
  );
}

/**
 * For a test file: serves dist/ and launches the browser before its tests, closes both
 * after them. The returned object's `server` and `browser` are set once started.
 */
export function useApp() {
  const app = {};
  before(async () => {
    app.server = await serveDist();
    app.browser = await launchBrowser();
    mkdirSync(OUTPUT, { recursive: true });
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
