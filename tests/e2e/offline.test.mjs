// Offline first: after one visit the service worker (assets/sw.js) has every file, so the app
// opens, fills, scores, prints, imports and exports with the network cut, and a repeat
// visit downloads nothing. A new release is offered, never forced; a failed download of
// the app says why on the boot screen and can be retried.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { DIST, OUTPUT, ROOT, chooseQuestionnaire, launchBrowser, pdfText, printReport, serveDist, openLibrary, importAnswers } from './support.mjs';
import { axeViolations, describeViolations } from './axe.mjs';

const MIXED = join(ROOT, 'tests/answers/mixed-firm.json');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A server for `dir` that records the path of every body it sends. */
async function recordingServer(dir = DIST) {
  const sent = [];
  const server = await serveDist(dir, { onSent: (path) => sent.push(path) });
  return { ...server, sent };
}

/** A fresh profile on `url`, the app mounted; `page.problems` collects script errors. */
async function visit(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    page.problems.push(`unexpected dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('.section-nav');
  return page;
}

/** Waits until the service worker has precached this build and controls the page. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('shuzhuan-')));
}

test('after the first visit the whole app works with the network cut', async () => {
  const server = await recordingServer();
  try {
    const page = await visit(server.url);
    assert.equal(await page.locator('#boot').count(), 0, 'the boot screen is replaced when the app mounts');
    const caches = await waitForServiceWorker(page);
    assert.equal(caches.length, 1, `one cache for this build: ${caches}`);
    // Everything on the precache list was fetched once: the on-demand questionnaires and
    // the files worker too, though this visit never asked for them.
    for (const file of ['sme-digital-level.bin', 'cmmm-self-diagnosis.bin', 'files-worker.js', 'shuzhuan-files_bg.wasm']) {
      assert.ok(server.sent.includes(file), `${file} precached (sent: ${server.sent.join(', ')})`);
    }

    // A repeat visit online downloads no app file (the browser may check sw.js itself).
    server.sent.length = 0;
    await page.reload();
    await page.waitForSelector('.section-nav');
    assert.deepEqual(server.sent.filter((p) => p !== 'sw.js'), [], 'a repeat visit is answered by the service worker');

    await page.context().setOffline(true);
    await page.reload();
    await page.waitForSelector('.section-nav');
    // Import: the files worker (JSON) and the SME questionnaire, both from the cache.
    await importAnswers(page, MIXED);
    await page.waitForSelector('#score-total');
    // The mixed firm of docs/scoring.md: 46.5 points.
    assert.equal(await page.innerText('#score-total'), '46.5');
    // Fill in and rescore.
    await page.fill('#firm-name', '离线测试厂');
    // The file has 90 of 200 devices digital (45.0%); now 150 of 200 = 75.0%.
    await page.fill('#q-equip_digital', '150');
    await page.waitForFunction(
      () => document.querySelector('.results tr[data-indicator="equip_digital_rate"] .value')?.innerText === '75.0%',
    );
    // Print.
    await page.click('#toggle-report');
    await page.waitForSelector('.report-firm');
    const pdf = join(OUTPUT, 'offline-report.pdf');
    await printReport(page, pdf);
    assert.match(pdfText(pdf), /离线测试厂/);
    await page.click('#toggle-report');
    // Export: the files worker writes the JSON.
    await openLibrary(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-answers')]);
    const exported = join(OUTPUT, 'offline-exported.json');
    await download.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(file.firm.name, '离线测试厂');
    assert.deepEqual(file.answers.values.equip_digital, { typed: '150' });
    // The other on-demand questionnaire opens too.
    await chooseQuestionnaire(page, 'cmmm-self-diagnosis');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await server.close();
  }
});

test('a new release is offered, applied only when the user clicks, and the old cache removed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shuzhuan-update-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await recordingServer(dir);
  try {
    const page = await visit(server.url);
    const [oldCache] = await waitForServiceWorker(page);
    await page.fill('#firm-name', '升级前填写的企业');
    await page.evaluate(() => (window.sameDocument = true));

    // The next release: another page and another service worker version.
    const oldVersion = oldCache.replace('shuzhuan-', '');
    const next = `${oldVersion.slice(0, 8)}next0000`;
    for (const name of ['index.html', 'sw.js']) {
      const path = join(dir, name);
      let text = readFileSync(path, 'utf8');
      if (name === 'sw.js') {
        assert.ok(text.includes(oldVersion), 'sw.js names its version');
        text = text.replaceAll(oldVersion, next);
      } else {
        text = text.replace('<title>', '<meta name="release" content="next"><title>');
      }
      writeFileSync(path, text);
      for (const suffix of ['.br', '.gz']) rmSync(path + suffix, { force: true });
    }
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const offer = page.locator('#update-offer');
    await page.waitForSelector('#update-offer .update-reload', { timeout: 30_000 });
    assert.equal(await offer.getAttribute('role'), 'status');
    assert.match(await offer.innerText(), /新版本可用/);
    assert.match(await offer.innerText(), /A new version is available/);
    // Offered, not applied: the same document, what was typed still there.
    assert.equal(await page.evaluate(() => window.sameDocument), true);
    assert.equal(await page.inputValue('#firm-name'), '升级前填写的企业');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations('the update offer', violations));

    // "Later" puts the offer away; the next check offers it again.
    await page.click('#update-offer .update-later');
    assert.equal(await page.locator('#update-offer button').count(), 0);
    await page.reload();
    await page.waitForSelector('.section-nav');
    await page.waitForSelector('#update-offer .update-reload', { timeout: 30_000 });
    assert.equal(await page.locator('meta[name="release"]').count(), 0, 'a waiting release is not used before it is accepted');

    // By keyboard: focus the button, press Enter.
    await page.focus('#update-offer .update-reload');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.section-nav');
    assert.equal(await page.locator('meta[name="release"]').count(), 1, 'the new release is running');
    assert.deepEqual(
      await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('shuzhuan-'))),
      [`shuzhuan-${next}`],
    );
    assert.equal(await page.inputValue('#firm-name'), '升级前填写的企业', 'the assessment survives the update');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const part of [
  { name: 'the wasm', pattern: /\/shuzhuan-app-[0-9a-f]+_bg\.wasm$/, detail: /_bg\.wasm/ },
  { name: 'the JS glue', pattern: /\/shuzhuan-app-[0-9a-f]+\.js$/, detail: /./ },
]) {
  test(`a failed download of ${part.name} says so in zh and en, and retry works`, async () => {
    const server = await serveDist();
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    try {
      const block = (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
      await page.route(part.pattern, block);
      await page.goto(server.url);
      await page.waitForSelector('.boot-error:not([hidden])');
      const text = await page.innerText('.boot-error');
      assert.match(text, /数转没能加载/);
      assert.match(text, /Shuzhuan could not be loaded/);
      assert.match(await page.innerText('.boot-detail'), part.detail);
      assert.equal(await page.isVisible('.boot-loading'), false);
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'boot-retry', 'the retry button has focus');
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations('the failed load', violations));
      await page.unroute(part.pattern, block);
      await Promise.all([page.waitForEvent('load'), page.click('.boot-retry')]);
      await page.waitForSelector('.section-nav');
      assert.equal(await page.locator('#boot').count(), 0);
    } finally {
      await context.close();
      await server.close();
    }
  });
}

test('an app that fails as it mounts (after its wasm has started) says so at once, not after 30 s', async () => {
  const server = await serveDist();
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  try {
    // The app's mount creates the app bar's <nav>; the start script creates no such element.
    await page.addInitScript(() => {
      const create = Document.prototype.createElement;
      Document.prototype.createElement = function (tag, ...rest) {
        if (String(tag).toLowerCase() === 'nav') throw new Error('mount refused by the test');
        return create.call(this, tag, ...rest);
      };
    });
    page.on('pageerror', () => {});
    const started = Date.now();
    await page.goto(server.url);
    await page.waitForSelector('.boot-error:not([hidden])', { timeout: 10_000 });
    assert.ok(Date.now() - started < 10_000, 'said within seconds');
    assert.match(await page.innerText('.boot-error'), /Shuzhuan could not be loaded/);
    assert.notEqual((await page.innerText('.boot-detail')).trim(), '', 'the detail names the error');
    assert.equal(await page.isVisible('.boot-loading'), false);
    assert.equal(await page.locator('.app').count(), 0, 'no half-mounted app');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the boot screen is in the page before any script runs', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.match(html, /id="?boot"?[ >]/);
  assert.match(html, /<progress/);
  assert.match(html, /制造业数字化转型自评估/);
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
  // The precache list names every file a page can ask for.
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  for (const name of ['./', 'manifest.webmanifest', 'icons/icon.svg']) assert.ok(sw.includes(`"${name}"`), `sw.js precaches ${name}`);
});
