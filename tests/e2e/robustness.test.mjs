// Bad input in the browser: answers files with problems, a files worker that crashes or
// hangs, storage that is full, empty or unreadable saved entries, and a firm name of
// 10,000 characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, ROOT, OUTPUT, showFirmFields, useApp, openLibrary, importAnswers } from './support.mjs';

const app = useApp();

/**
 * A new page whose storage holds `entries` before the app starts and, with `fill`, is
 * then filled to its quota (in ever smaller pieces).
 */
async function openWith(entries, { fill = false } = {}) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(({ entries, fill }) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    let size = 1 << 20;
    let i = 0;
    while (fill && size >= 1) {
      try {
        localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
        i += 1;
      } catch {
        size >>= 1;
      }
    }
  }, { entries, fill });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.problems = problems;
  await page.goto(app.server.url);
  await page.waitForSelector('.section-nav');
  return page;
}

test('an answers file with unusable answers is imported with what can be used, each problem listed', async () => {
  const page = await openApp(app.browser, app.server.url);
  await importAnswers(page, join(ROOT, 'tests/answers/with-problems.json'));
  await page.waitForSelector('.notice-list');
  assert.match(await page.innerText('.notice p'), /已将 with-problems\.json 导入为一份新的评估，但其中 5 个答案无法使用/);
  const items = await page.locator('.notice-list li').allInnerTexts();
  assert.deepEqual(items, [
    'equip_digital_ratio: "50": 此题由其他题目计算得出，不能直接作答',
    'equip_total: "-3": 数量不能为负数',
    'network: "6g": 本题没有选项“6g”',
    'no_such_item: "1": 问卷中没有这道题',
    'system_coverage: "everything": 本题没有选项“everything”',
  ]);
  // What could be used is there; the number typed wrong is kept as typed, with its error.
  assert.equal(await page.inputValue('#firm-name'), '问题答卷厂');
  assert.equal(await page.inputValue('#q-equip_total'), '-3');
  assert.equal(await page.isChecked('#field-network [data-option="shopfloor"] input'), true);
  assert.deepEqual(page.problems, []);
});

test('answers files in other encodings are refused by name; a byte-order mark is accepted', async () => {
  const page = await openApp(app.browser, app.server.url);
  const notice = (text) => page.waitForFunction((t) => document.querySelector('.notice')?.innerText.includes(t), text);
  await importAnswers(page, join(ROOT, 'tests/broken_answers/gbk.json'));
  await notice('gbk.json');
  assert.match(await page.innerText('.notice'), /gbk\.json：文件不是 UTF-8 编码，看起来是 GBK（GB18030）.*未导入/);
  await importAnswers(page, join(ROOT, 'tests/broken_answers/utf16-le.json'));
  await notice('utf16-le.json');
  assert.match(await page.innerText('.notice'), /UTF-16 LE/);
  await importAnswers(page, join(ROOT, 'tests/broken_answers/duplicate-key.json'));
  await notice('duplicate-key.json');
  assert.match(await page.innerText('.notice'), /键“equip_total”重复出现（第 6 行/);
  await importAnswers(page, join(ROOT, 'tests/broken_answers/byte-order-mark.json'));
  await notice('byte-order-mark.json');
  assert.match(await page.innerText('.notice'), /已将 byte-order-mark\.json 导入为一份新的评估。/);
  assert.equal(await page.inputValue('#q-equip_total'), '200');
});

/** A files worker script that listens and then `onJob` does to each job. */
const fakeWorker = (onJob) => `postMessage("ready"); onmessage = () => { ${onJob} };`;

test('a files worker that crashes on a file fails that file as unreadable, and the next file is read by a new worker', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  let served = 0;
  await page.context().route('**/files-worker.js*', (route) => {
    served += 1;
    if (served === 1) return route.fulfill({ contentType: 'text/javascript', body: fakeWorker('throw new Error("trapped")') });
    return route.continue();
  });
  const file = join(ROOT, 'tests/answers/mixed-firm.json');
  await importAnswers(page, file);
  await page.waitForSelector('.notice:has-text("未导入")');
  const said = await page.innerText('.notice');
  assert.match(said, /mixed-firm\.json：此文件无法读取：读取程序出错/);
  assert.doesNotMatch(said, /网络/, 'a crash is not blamed on the network');
  await importAnswers(page, file);
  await page.waitForSelector('.notice:has-text("导入为一份新的评估")');
  assert.equal(served, 2, 'the crashed worker was replaced');
  // Opened once its questionnaire (fetched on demand) is here.
  await page.waitForFunction(() => document.getElementById('firm-name')?.value === '常州示例电机有限公司');
});

test('a files worker that never answers is stopped after its time limit; export, import and autosave go on', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  let served = 0;
  await page.context().route('**/files-worker.js*', (route) => {
    served += 1;
    if (served === 1) return route.fulfill({ contentType: 'text/javascript', body: fakeWorker('') });
    return route.continue();
  });
  await openLibrary(page);
  await showFirmFields(page);
  await page.fill('#firm-name', '卡住测试厂');
  // Every notice shown, in order: the import's may replace the export's within moments.
  await page.evaluate(() => {
    window.notices = [];
    new MutationObserver(() => {
      const text = document.querySelector('.notice')?.innerText;
      if (text && text !== window.notices.at(-1)) window.notices.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const shown = (text) => page.waitForFunction((t) => window.notices.some((n) => n.includes(t)), text, { timeout: 40_000 });
  // The export waits on the worker that hangs; the import queued behind it goes to a new one.
  await page.click('#export-answers');
  await importAnswers(page, join(ROOT, 'tests/answers/mixed-firm.json'));
  await shown('导出失败');
  const failed = await page.evaluate(() => window.notices.find((n) => n.includes('导出失败')));
  // The export is a file written, not read: its failure says so.
  assert.match(failed, /导出失败：文件未能写出：20 秒内未写完/);
  await shown('导入为一份新的评估');
  assert.equal(served, 2);
  // The assessment typed before is saved all along, and export works again.
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('shuzhuan.assessment.')).length);
  assert.ok(saved >= 2, `${saved} assessments saved`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-answers')]);
  assert.match(download.suggestedFilename(), /^常州示例电机有限公司-/);
});

test('storage full: an unreadable entry that cannot be copied stays where it is, and the notice says so', async () => {
  const page = await openWith({ 'shuzhuan.assessment.bad': 'pc1:damaged!' }, { fill: true });
  await page.waitForSelector('.notice');
  assert.match(await page.innerText('.notice'), /有 1 条保存的数据无法读取；存储空间已满，无法另存，已原样保留在原处，没有删除/);
  assert.equal(await page.evaluate(() => localStorage.getItem('shuzhuan.assessment.bad')), 'pc1:damaged!');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('shuzhuan.unreadable.'))), false);
  await openLibrary(page);
  assert.equal(await page.getAttribute('#unreadable .unreadable-entry', 'data-unreadable'), 'shuzhuan.assessment.bad');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an empty saved entry is unreadable, not a blank assessment; an unreadable entry exports its text as stored', async () => {
  const damaged = 'pc1:不是 base64 <script>';
  const page = await openWith({ 'shuzhuan.assessment.empty': '', 'shuzhuan.assessment.damaged': damaged });
  await page.waitForSelector('.notice');
  assert.match(await page.innerText('.notice'), /有 2 条保存的数据无法读取，已另存备查/);
  await openLibrary(page);
  assert.equal(await page.locator('[data-assessment="empty"]').count(), 0, 'no blank assessment');
  const listed = await page.locator('#unreadable .unreadable-entry').evaluateAll((li) => li.map((l) => [l.dataset.unreadable, l.querySelector('.meta').innerText]));
  assert.deepEqual(listed, [
    ['shuzhuan.unreadable.assessment.damaged', `${damaged.length} 个字符`],
    ['shuzhuan.unreadable.assessment.empty', '空（0 个字符）'],
  ]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-unreadable="shuzhuan.unreadable.assessment.damaged"] .export-raw'),
  ]);
  const path = join(OUTPUT, 'unreadable-entry.txt');
  await download.saveAs(path);
  assert.equal(download.suggestedFilename(), 'shuzhuan.unreadable.assessment.damaged.txt');
  assert.equal(readFileSync(path, 'utf8'), damaged);
  // Still there after a reload (set aside, never removed).
  await page.reload();
  await page.waitForSelector('.section-nav');
  await openLibrary(page);
  assert.equal(await page.locator('#unreadable .unreadable-entry').count(), 2);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const width of [360, 1280]) {
  test(`a firm name of 10,000 characters widens nothing, at ${width} px`, async () => {
    const page = await openApp(app.browser, app.server.url, { width, height: 800 });
    const name = 'W'.repeat(10_000);
    await showFirmFields(page);
    await page.fill('#firm-name', name);
    await page.fill('#q-key_processes', '40');
    await openLibrary(page);
    // A new assessment puts this one in the list with its name.
    await page.click('#new-assessment');
    await page.waitForSelector('.assessment strong:text-matches("^W{100}")');
    const overflow = () => page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    let [scroll, viewport] = await overflow();
    assert.ok(scroll <= viewport, `my assessments: ${scroll} px wide in ${viewport}`);
    await page.click('.assessment:not(.current) button');
    await page.waitForFunction(() => document.getElementById('firm-name')?.value.length === 10_000);
    await page.click('#toggle-report');
    await page.waitForSelector('.report-firm');
    [scroll, viewport] = await overflow();
    assert.ok(scroll <= viewport, `report: ${scroll} px wide in ${viewport}`);
    await page.screenshot({ path: join(OUTPUT, `long-firm-name-${width}.png`) });
    assert.deepEqual(page.problems, []);
  });
}
