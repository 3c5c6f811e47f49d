// The strict Content-Security-Policy (scripts/site.mjs): sent as a header and in index.html,
// and no screen of the app breaks it. Every `securitypolicyviolation` event and every
// console message about the policy fails the test, naming what was blocked and where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, OUTPUT, ROOT, chooseQuestionnaire, printReport, useApp, openLibrary, importAnswers } from './support.mjs';
import { CSP_HEADER, CSP_META } from '../../scripts/site.mjs';

const app = useApp();

// Runs in the page before its scripts.
function listenForViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
  });
}

async function openWatched(size = { width: 1280, height: 900 }) {
  const context = await app.browser.newContext({ viewport: size, acceptDownloads: true });
  await context.addInitScript(listenForViolations);
  const page = await context.newPage();
  const problems = [];
  const policyMessage = (text) => /Content.Security.Policy|Refused to/i.test(text);
  page.on('console', (m) => policyMessage(m.text()) && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => policyMessage(m.text()) && problems.push(`worker console: ${m.text()}`)));
  page.problems = problems;
  const response = await page.goto(app.server.url);
  await page.waitForSelector('.section-nav');
  return { page, response };
}

async function violations(page, where) {
  const found = await page.evaluate(() => window.__violations.splice(0));
  return found.map((v) => `${where}: ${v}`);
}

test('the policy is strict, sent as a header and written into index.html', async () => {
  for (const policy of [CSP_META, CSP_HEADER]) {
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(policy, /object-src 'none'/);
    assert.match(policy, /base-uri 'none'/);
    assert.match(policy, /connect-src 'self'/);
  }
  assert.match(CSP_HEADER, /frame-ancestors 'none'/);
  assert.doesNotMatch(CSP_META, /frame-ancestors/, 'a meta element cannot carry frame-ancestors (browsers warn)');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}">`), 'index.html carries the policy');
  const { page, response } = await openWatched();
  assert.equal(response.headers()['content-security-policy'], CSP_HEADER);
  await page.context().close();
});

test('no screen breaks the policy', async () => {
  const { page } = await openWatched();
  const found = await violations(page, 'start');
  const visit = async (where, action) => {
    await action();
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    found.push(...(await violations(page, where)));
  };
  const sections = { 'headline-quick': 3, 'sme-digital-level': 5, 'cmmm-self-diagnosis': 4 };
  for (const [id, count] of Object.entries(sections)) {
    await visit(`${id} chosen`, () => chooseQuestionnaire(page, id));
    if (id === 'sme-digital-level') {
      await visit('SME counts', async () => {
        await page.fill('#q-equip_total', '20');
        await page.fill('#q-equip_digital', '8');
        await page.check('#q-network');
      });
    }
    for (let n = 0; n < count; n++) {
      if ((await page.locator(`#nav-section-${n}`).count()) === 0) continue;
      await visit(`${id} section ${n}`, async () => {
        await page.click(`#nav-section-${n}`);
        await page.waitForSelector(`#section-${n}-heading`);
      });
    }
  }
  await visit('a field error', async () => {
    await chooseQuestionnaire(page, 'headline-quick');
    await page.click('#nav-section-0');
    await page.fill('#q-key_processes', 'abc');
    await page.waitForSelector('#q-key_processes-error:not(:empty)');
  });
  await visit('English', async () => {
    await page.click('#toggle-lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });
  await visit('report preview', async () => {
    await page.click('#toggle-report');
    await page.waitForSelector('.report-firm');
  });
  await visit('printed', () => printReport(page, join(OUTPUT, 'csp-report.pdf')));
  await visit('back to the form', () => page.click('#toggle-report'));
  await visit('my assessments, export', async () => {
    await openLibrary(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-answers')]);
    await download.path();
  });
  await visit('import', async () => {
    await importAnswers(page, join(ROOT, 'tests/answers/mixed-firm.json'));
    await page.waitForSelector('#score-total');
  });
  await visit('a questionnaire file opened', async () => {
    await page.evaluate(() => document.querySelector('details.load-file')?.setAttribute('open', ''));
    await page.setInputFiles('#questionnaire-file', join(ROOT, 'questionnaires/headline-quick.toml'));
    await page.waitForSelector('.notice, .load-errors li');
  });
  await visit('service worker ready', () => page.waitForFunction(() => navigator.serviceWorker.controller !== null));
  await visit('reloaded from the service worker', async () => {
    await page.reload();
    await page.waitForSelector('.section-nav');
  });
  assert.deepEqual([...found, ...page.problems], []);
  await page.context().close();
});
