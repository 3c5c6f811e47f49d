// Bad input in the browser: answers files with problems, and a files worker that
// crashes or hangs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, ROOT, useApp } from './support.mjs';

const app = useApp();

async function openLibrary(page) {
  if (!(await page.evaluate(() => document.getElementById('library').open))) await page.click('#library-summary');
}

test('an answers file with unusable answers is imported with what can be used, each problem listed', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.setInputFiles('#import-answers', join(ROOT, 'tests/answers/with-problems.json'));
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
  await page.setInputFiles('#import-answers', join(ROOT, 'tests/broken_answers/gbk.json'));
  await notice('gbk.json');
  assert.match(await page.innerText('.notice'), /gbk\.json：文件不是 UTF-8 编码，看起来是 GBK（GB18030）.*未导入/);
  await page.setInputFiles('#import-answers', join(ROOT, 'tests/broken_answers/utf16-le.json'));
  await notice('utf16-le.json');
  assert.match(await page.innerText('.notice'), /UTF-16 LE/);
  await page.setInputFiles('#import-answers', join(ROOT, 'tests/broken_answers/duplicate-key.json'));
  await notice('duplicate-key.json');
  assert.match(await page.innerText('.notice'), /键“equip_total”重复出现（第 6 行/);
  await page.setInputFiles('#import-answers', join(ROOT, 'tests/broken_answers/byte-order-mark.json'));
  await notice('byte-order-mark.json');
  assert.match(await page.innerText('.notice'), /已将 byte-order-mark\.json 导入为一份新的评估。/);
  assert.equal(await page.inputValue('#q-equip_total'), '200');
});

/** A files worker script that listens and then `onJob` does to each job. */
const fakeWorker = (onJob) => `postMessage("ready"); onmessage = () => { ${onJob} };`;

test('a files worker that crashes on a file fails that file as unreadable, and the next file is read by a new worker', async () => {
  const page = await openApp(app.browser, app.server.url);
  let served = 0;
  await page.context().route('**/files-worker.js*', (route) => {
    served += 1;
    if (served === 1) return route.fulfill({ contentType: 'text/javascript', body: fakeWorker('throw new Error("trapped")') });
    return route.continue();
  });
  const file = join(ROOT, 'tests/answers/mixed-firm.json');
  await page.setInputFiles('#import-answers', file);
  await page.waitForSelector('.notice:has-text("未导入")');
  const said = await page.innerText('.notice');
  assert.match(said, /mixed-firm\.json：此文件无法读取：读取程序出错/);
  assert.doesNotMatch(said, /网络/, 'a crash is not blamed on the network');
  await page.setInputFiles('#import-answers', file);
  await page.waitForSelector('.notice:has-text("导入为一份新的评估")');
  assert.equal(served, 2, 'the crashed worker was replaced');
  assert.equal(await page.inputValue('#firm-name'), '常州示例电机有限公司');
});

test('a files worker that never answers is stopped after its time limit; export, import and autosave go on', async () => {
  const page = await openApp(app.browser, app.server.url);
  let served = 0;
  await page.context().route('**/files-worker.js*', (route) => {
    served += 1;
    if (served === 1) return route.fulfill({ contentType: 'text/javascript', body: fakeWorker('') });
    return route.continue();
  });
  await openLibrary(page);
  await page.fill('#firm-name', '卡住测试厂');
  // The export waits on the worker that hangs; the import queued behind it goes to a new one.
  await page.click('#export-answers');
  await page.setInputFiles('#import-answers', join(ROOT, 'tests/answers/mixed-firm.json'));
  await page.waitForSelector('.notice:has-text("导出失败")', { timeout: 40_000 });
  assert.match(await page.innerText('.notice'), /此文件无法读取：20 秒内未读完/);
  await page.waitForSelector('.notice:has-text("导入为一份新的评估")', { timeout: 20_000 });
  assert.equal(served, 2);
  // The assessment typed before is saved all along, and export works again.
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('shuzhuan.assessment.')).length);
  assert.ok(saved >= 2, `${saved} assessments saved`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-answers')]);
  assert.match(download.suggestedFilename(), /^常州示例电机有限公司-/);
});
