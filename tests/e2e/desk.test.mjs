// The desk: "my assessments" is a second wasm (src/bin/shuzhuan-desk.rs) that the first
// visit never downloads; it is loaded when the panel is first opened (from the app bar or
// the folded panel), lists every assessment in a table, opens one into the form, renames
// and deletes through the app, works offline once the service worker has it, and says so
// when it cannot be downloaded. Its stylesheet (assets/desk.css) comes with it: never on the
// first visit, always before the desk mounts, so nothing of it is drawn unstyled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, useApp, chooseQuestionnaire, importAnswers, openLibrary, ROOT } from './support.mjs';
import { axeViolations, describeViolations } from './axe.mjs';

const app = useApp();
const DESK = /\/(desk-loader\.js|desk\.css|shuzhuan-desk\.js|shuzhuan-desk_bg\.wasm)(\?|$)/;
const DESK_CSS = /\/desk\.css\?v=/;

/** Records the paths the page requests that belong to the desk. */
function deskRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    if (DESK.test(new URL(r.url()).pathname + new URL(r.url()).search)) seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

const rowOf = (page, firm) => page.locator(`.assessment:has(strong:text-is("${firm}"))`);

/**
 * What of assets/desk.css the desk's panel shows: the container its table's layout
 * queries, and at 1280 px the table laid out as a table (without the stylesheet, as on a
 * phone, it would be the browser's table too, so the card layout is checked at 360 px).
 */
const deskStyle = (page) =>
  page.evaluate(() => {
    const desk = document.querySelector('#desk-root .desk');
    const card = document.querySelector('.assessment-table tbody tr');
    return {
      container: desk && getComputedStyle(desk).containerType,
      row: card && getComputedStyle(card).display,
      small: document.querySelector('.assessment-buttons button.small') && getComputedStyle(document.querySelector('.assessment-buttons button.small')).backgroundColor,
    };
  });

test('the first screen does not download the desk; the app bar opens it with every assessment in a table', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  const seen = deskRequests(page);
  await page.fill('#firm-name', '甲厂');
  await page.fill('#q-key_processes', '10');
  await page.waitForTimeout(300);
  assert.deepEqual(seen, [], 'nothing of the desk before it is opened, nor its stylesheet');
  assert.equal(await page.evaluate(() => [...document.styleSheets].some((s) => /desk\.css/.test(s.href ?? ''))), false);
  assert.equal(await page.locator('#desk-root .desk').count(), 0, 'nor is it mounted');
  // An SME assessment, imported: 46.5 points, 二级 (tests/e2e/assessments.test.mjs has the CLI's figures).
  await importAnswers(page, join(ROOT, 'tests/answers/mixed-firm.json'));
  await page.waitForSelector('#score-total');
  assert.ok(seen.includes('/shuzhuan-desk_bg.wasm'), `the desk was loaded: ${seen}`);
  assert.ok(seen.includes('/desk.css'), `with its stylesheet: ${seen}`);
  await page.click('#library-summary');
  assert.equal(await page.evaluate(() => document.getElementById('library').open), false);
  // The app bar's button unfolds the panel, the desk already there.
  await page.click('#open-desk');
  assert.equal(await page.evaluate(() => document.getElementById('library').open), true);
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
  const sme = rowOf(page, '常州示例电机有限公司');
  const cells = await sme.locator('td[data-label]').allInnerTexts();
  assert.equal(cells[0], '制造业中小企业数字化水平自评 2024.3');
  assert.match(cells[1], /^\d{4}-\d{2}-\d{2}$/);
  assert.match(cells[2], /^\d+\.\d%(（暂定）)?$/);
  assert.deepEqual(cells.slice(3, 5), ['46.5', '二级']);
  // Styled by assets/desk.css: rows of a table, the small buttons on white.
  assert.deepEqual(await deskStyle(page), { container: 'inline-size', row: 'table-row', small: 'rgb(255, 255, 255)' });
  // Then each headline indicator and its gap to the target (CNC 22/40 = 55.0 %, 68 % the national target).
  assert.equal(await sme.locator('td[data-indicator="cnc_rate"]').innerText(), '55.0%');
  assert.equal(await sme.locator('td[data-gap="cnc_rate"]').innerText(), '−13.0');
  assert.equal(await sme.getAttribute('aria-current'), 'true', 'the imported one is open');
  // The default questionnaire has no score nor level.
  assert.deepEqual((await rowOf(page, '甲厂').locator('td[data-label]').allInnerTexts()).slice(3, 5), ['—', '—']);
  const v = await axeViolations(page);
  assert.equal(v.length, 0, describeViolations('the desk', v));
  // In English, as the app is.
  await page.click('#toggle-lang');
  await page.waitForSelector('.assessment-table th:has-text("Questionnaire")');
  assert.equal((await sme.locator('td[data-label]').allInnerTexts())[4], 'Level 2');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('from the desk: open another assessment into the form, rename and delete one', async () => {
  const page = await openApp(app.browser, app.server.url);
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => d.accept());
  await page.fill('#firm-name', '甲厂');
  await page.fill('#q-key_processes', '10');
  await openLibrary(page);
  await page.click('#new-assessment');
  await page.fill('#firm-name', '乙厂');
  await page.fill('#q-key_processes', '77');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
  // Open 甲厂 by keyboard: its Open button focused, Enter.
  await rowOf(page, '甲厂').locator('button:has-text("打开")').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('firm-name').value === '甲厂');
  assert.equal(await page.inputValue('#q-key_processes'), '10');
  await page.waitForFunction(() => document.querySelector('.assessment.current strong')?.textContent === '甲厂');
  // Rename 乙厂 (not the one open): stored under its new name.
  const other = await rowOf(page, '乙厂').getAttribute('data-assessment');
  await rowOf(page, '乙厂').locator('button.rename').click();
  await page.locator(`#rename-${other}`).fill('丙厂');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.assessment strong:text-is("丙厂")');
  await page.waitForFunction(() => document.activeElement?.classList.contains('rename'));
  // Delete it: gone from the table and from storage; 甲厂 stays open.
  await rowOf(page, '丙厂').locator('button:has-text("删除")').click();
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 1);
  assert.equal(await page.evaluate((id) => localStorage.getItem(`shuzhuan.assessment.${id}`), other), null);
  assert.equal(await page.inputValue('#firm-name'), '甲厂');
  assert.equal(await page.innerText('.count-badge'), '1');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a 360 px phone the table is one card a row, nothing wider than the screen', async () => {
  const page = await openApp(app.browser, app.server.url, { width: 360, height: 740 });
  await page.fill('#q-key_processes', '10');
  await openLibrary(page);
  await page.waitForSelector('.assessment');
  const widest = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(widest <= 360, `the page is ${widest} px wide`);
  // One card a row: the stylesheet's layout, not the browser's table.
  assert.deepEqual(await deskStyle(page), { container: 'inline-size', row: 'block', small: 'rgb(255, 255, 255)' });
  const box = await page.locator('.assessment .assessment-buttons').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, `the buttons are on screen: ${JSON.stringify(box)}`);
  const v = await axeViolations(page);
  assert.equal(v.length, 0, describeViolations('the desk at 360 px', v));
  await page.context().close();
});

test('a desk that cannot be downloaded says so in zh and en, and a retry loads it', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  await page.fill('#q-key_processes', '10');
  const block = (route) => route.abort('internetdisconnected');
  await page.route(/shuzhuan-desk_bg\.wasm/, block);
  await page.click('#open-desk');
  await page.waitForSelector('#library .desk-failed');
  assert.equal(await page.getAttribute('#library .desk-failed', 'role'), 'alert');
  assert.match(await page.innerText('#library .desk-failed'), /“我的评估”没能加载.*请检查网络连接/s);
  assert.equal(await page.inputValue('#q-key_processes'), '10', 'the form is untouched');
  await page.click('#toggle-lang');
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('#library .desk-failed')?.innerText));
  await page.click('#toggle-lang');
  await page.unroute(/shuzhuan-desk_bg\.wasm/, block);
  await page.click('#library .desk-retry');
  await page.waitForSelector('#desk-root .desk');
  await page.waitForSelector('.assessment');
  assert.equal(await page.locator('#library .desk-failed').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('offline after the first visit, the desk opens from the service worker', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.fill('#firm-name', '离线厂');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('shuzhuan-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const file of ['/desk-loader.js', '/desk.css', '/shuzhuan-desk.js', '/shuzhuan-desk_bg.wasm']) assert.ok(cached.includes(file), `${file} is precached`);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('.section-nav');
  await openLibrary(page);
  await page.waitForSelector('.assessment strong:text-is("离线厂")');
  assert.deepEqual(await deskStyle(page), { container: 'inline-size', row: 'table-row', small: 'rgb(255, 255, 255)' }, 'styled, its stylesheet from the cache too');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the desk mounts only once its stylesheet has loaded, downloaded beside the desk', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  // What the desk's panel looks like the moment the desk mounts into it.
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      const desk = document.querySelector('#desk-root .desk');
      if (!desk) return;
      observer.disconnect();
      window.atMount = { container: getComputedStyle(desk).containerType, at: performance.now() };
    }).observe(document.getElementById('desk-root'), { childList: true, subtree: true });
  });
  // The stylesheet arrives a second after the rest of the desk.
  const started = {};
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (DESK.test(path)) started[path] = Date.now();
  });
  await page.route(DESK_CSS, async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await page.fill('#q-key_processes', '10');
  await page.click('#open-desk');
  await page.waitForSelector('#desk-root .desk');
  assert.deepEqual(await page.evaluate(() => window.atMount.container), 'inline-size', 'styled from the first frame');
  // The wasm was not held back until the stylesheet came: both were asked for together.
  assert.ok(started['/desk.css'] && started['/shuzhuan-desk_bg.wasm'], JSON.stringify(started));
  assert.ok(Math.abs(started['/shuzhuan-desk_bg.wasm'] - started['/desk.css']) < 500, `requested together: ${JSON.stringify(started)}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a desk whose stylesheet cannot be downloaded says so, is not shown unstyled, and a retry loads it', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  await page.fill('#q-key_processes', '10');
  const block = (route) => route.abort('internetdisconnected');
  await page.route(DESK_CSS, block);
  await page.click('#open-desk');
  await page.waitForSelector('#library .desk-failed');
  assert.match(await page.innerText('#library .desk-failed'), /“我的评估”没能加载（desk\.css: download failed）.*请检查网络连接/s);
  assert.equal(await page.locator('#desk-root .desk').count(), 0, 'the desk, downloaded, is not started without its stylesheet');
  await page.unroute(DESK_CSS, block);
  await page.click('#library .desk-retry');
  await page.waitForSelector('.assessment');
  assert.equal(await page.locator('#library .desk-failed').count(), 0);
  assert.deepEqual(await deskStyle(page), { container: 'inline-size', row: 'table-row', small: 'rgb(255, 255, 255)' });
  assert.equal(await page.locator('link#desk-style').count(), 1, 'one stylesheet in the page');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
