// A first visit without stumbles: deleting really deletes, the last section leads to
// the results, a total of 0 skips its follow-up, the advice asks for answers first,
// amounts accept decimals, a phone starts at the questions, the desktop results stay in
// view, and renaming happens in the list row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useApp, chooseQuestionnaire, showFirmFields, openLibrary } from './support.mjs';
import { axeViolations, describeViolations } from './axe.mjs';

/** Fails with axe's findings if the page as it is now has any violation. */
async function noAxeViolations(page, where) {
  const v = await axeViolations(page);
  assert.equal(v.length, 0, describeViolations(where, v));
}

const app = useApp();

const names = (page) => page.$$eval('.assessment strong', (els) => els.map((e) => e.textContent));
const storedIds = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('shuzhuan.assessment.')).map((k) => k.slice('shuzhuan.assessment.'.length)));

test('deleting the open assessment removes it from the list and from storage, and opens another', async () => {
  const page = await openApp(app.browser, app.server.url);
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => d.accept());
  await openLibrary(page);
  await page.fill('#firm-name', '甲厂');
  await page.fill('#q-key_processes', '10');
  await page.click('#new-assessment');
  await page.fill('#firm-name', '乙厂');
  await page.fill('#q-key_processes', '77');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
  const deleted = await page.getAttribute('.assessment:has-text("乙厂")', 'data-assessment');
  await page.waitForFunction((id) => localStorage.getItem(`shuzhuan.assessment.${id}`) !== null, deleted);
  // 乙厂 is the one open: deleting it opens 甲厂, the only other one.
  await page.click('.assessment:has-text("乙厂") button:has-text("删除")');
  await page.waitForFunction(() => document.getElementById('firm-name').value === '甲厂');
  assert.equal(await page.inputValue('#q-key_processes'), '10');
  assert.deepEqual(await names(page), ['甲厂']);
  assert.ok(!(await storedIds(page)).includes(deleted), 'its entry is gone from storage');
  // Nothing can bring it back: not the list, not a reload.
  assert.equal(await page.locator(`[data-assessment="${deleted}"]`).count(), 0);
  await page.reload();
  await page.waitForFunction(() => document.getElementById('firm-name')?.value === '甲厂');
  await openLibrary(page);
  assert.deepEqual(await names(page), ['甲厂']);
  assert.ok(!(await storedIds(page)).includes(deleted));
  // Deleting the last one leaves a new, empty assessment.
  const last = await page.getAttribute('.assessment:has-text("甲厂")', 'data-assessment');
  await page.click('.assessment:has-text("甲厂") button:has-text("删除")');
  await page.waitForFunction(() => document.getElementById('firm-name').value === '');
  assert.equal(await page.inputValue('#q-key_processes'), '');
  await page.waitForFunction((id) => localStorage.getItem(`shuzhuan.assessment.${id}`) === null, last);
  assert.ok(!(await names(page)).includes('甲厂'));
  assert.deepEqual(page.problems, []);
});

test('on the last section the main button leads to the results, on a desktop and a phone', async () => {
  for (const size of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const page = await openApp(app.browser, app.server.url, size);
    assert.equal(await page.innerText('#next-section'), '下一部分 →');
    await page.click('#nav-section-2');
    assert.equal(await page.innerText('#next-section'), '查看结果 →');
    assert.equal(await page.isEnabled('#next-section'), true);
    await page.click('#next-section');
    await page.waitForFunction(() => document.activeElement?.id === 'results-title');
    const top = await page.evaluate(() => document.getElementById('results-title').getBoundingClientRect().top);
    assert.ok(top >= -1 && top < size.height, `the results are in view at ${size.width} px (top ${top})`);
    await page.click('#toggle-lang');
    assert.equal(await page.innerText('#next-section'), 'See the results →');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a total of 0 skips its follow-up question and the progress reaches 100 %', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.fill('#q-key_processes', '0');
  await page.click('#nav-section-1');
  await page.fill('#q-mgmt_functions', '0');
  assert.equal(await page.locator('#q-mgmt_functions_digital').count(), 0, 'its follow-up is not asked');
  await page.click('#nav-section-2');
  await page.fill('#q-rd_staff', '0');
  assert.equal(await page.locator('#q-rd_staff_with_tools').count(), 0, 'the follow-up is not asked');
  assert.equal(await page.innerText('#progress-text'), '已填写 3/3 项');
  assert.equal(await page.getAttribute('#progress', 'value'), await page.getAttribute('#progress', 'max'));
  assert.match(await page.innerText('.results tr[data-indicator="rd_tool_rate"] .value'), /不适用/);
  // A total above 0 asks it again.
  await page.fill('#q-rd_staff', '12');
  await page.waitForSelector('#q-rd_staff_with_tools');
  assert.equal(await page.innerText('#progress-text'), '已填写 3/4 项');
});

test('before any answer the advice asks for answers; an amount may have decimals, a count may not', async () => {
  const page = await openApp(app.browser, app.server.url);
  assert.match(await page.innerText('.results .recommendations'), /回答问题后，这里会列出最值得优先做的改进/);
  assert.doesNotMatch(await page.innerText('.results .recommendations'), /暂无需要优先处理/);
  await page.fill('#q-key_processes', '40');
  await page.fill('#q-cnc_key_processes', '10');
  await page.waitForSelector('.results .advice-list li');
  await chooseQuestionnaire(page, 'sme-digital-level');
  await page.click('#nav-section-1');
  await page.fill('#q-revenue', '12,5x');
  assert.equal(await page.innerText('#q-revenue-error'), '请输入数字，可以带小数，例如 12.5');
  await page.fill('#q-revenue', '1200.5');
  assert.equal(await page.innerText('#q-revenue-error'), '');
  await page.click('#toggle-lang');
  await page.fill('#q-revenue', 'abc');
  assert.equal(await page.innerText('#q-revenue-error'), 'Enter a number; decimals are fine, e.g. 12.5');
  await page.click('#nav-section-4');
  await page.fill('#q-key_processes', '3.5');
  assert.equal(await page.innerText('#q-key_processes-error'), 'Enter a whole number without decimals');
  assert.deepEqual(page.problems, []);
});

test('"不清楚", "不适用" and the sections that carry no points are named in the results', async () => {
  const page = await openApp(app.browser, app.server.url);
  await chooseQuestionnaire(page, 'sme-digital-level');
  assert.match(await page.innerText('.results .score-unscored'), /“数字化经营”“核心指标”不计入总分/);
  await page.click('#nav-section-4');
  assert.match(await page.innerText('.section-note'), /本部分不计入总分：答案用于计算核心指标/);
  await page.click('#nav-section-2');
  await page.check('#q-energy_per_revenue-unknown');
  assert.equal(await page.innerText('.results [data-note="unknown"] summary'), '1 题回答“不清楚”：按 0 分计');
  await page.click('#nav-section-3');
  await page.check('#q-scn_product_design-na');
  assert.match(await page.innerText('.results [data-note="not-applicable"] summary'), /^1 题不适用：不计入得分/);
  assert.match(await page.innerText('.scenario-strip'), /不适用/);
  assert.match(await page.innerText('.scenario-na'), /不参与场景等级的统计/);
  await page.click('.results [data-note="not-applicable"] summary');
  await noAxeViolations(page, 'notes on "不清楚" and "不适用"');
  assert.deepEqual(page.problems, []);
});

test('on a phone the firm fields are optional and folded, and the first question is on the first screen', async () => {
  const size = { width: 360, height: 740 };
  const page = await openApp(app.browser, app.server.url, size);
  // The setup is summed up on one line; inside it, the firm's fields are marked optional.
  assert.equal(await page.evaluate(() => document.getElementById('setup-details').open), false);
  assert.match(await page.innerText('#setup-summary'), /评估设置\s+制造业数字化核心指标速测 · 全国 2025 年目标/);
  await noAxeViolations(page, 'the setup folded at 360 px');
  await page.click('#setup-summary');
  assert.equal(await page.evaluate(() => document.getElementById('firm-details').open), false);
  assert.equal(await page.innerText('#firm-summary'), '企业信息与评估轮次（选填）');
  await page.click('#setup-summary');
  const first = await page.evaluate(() => document.getElementById('q-key_processes').getBoundingClientRect().bottom);
  assert.ok(first <= size.height, `the first question's field ends at ${first} px, within ${size.height}`);
  await page.click('#start-filling');
  await page.waitForFunction(() => document.activeElement?.id === 'q-key_processes');
  // Unfolded, the firm fields are there; with a name, they stay open after a reload.
  await showFirmFields(page);
  await page.fill('#firm-name', '手机测试厂');
  await page.reload();
  // The setup starts folded again; its fields are drawn when it is unfolded.
  await page.waitForSelector('#setup-summary');
  assert.equal(await page.locator('#firm-name').count(), 0, 'folded, the setup has not drawn its fields');
  await page.click('#setup-summary');
  await page.waitForFunction(() => document.getElementById('firm-name')?.value === '手机测试厂');
  assert.equal(await page.evaluate(() => document.getElementById('firm-details').open), true);
  // On a desktop they are open from the start.
  const desk = await openApp(app.browser, app.server.url);
  assert.equal(await desk.evaluate(() => document.getElementById('setup-details').open), true);
  assert.equal(await desk.evaluate(() => document.getElementById('firm-details').open), true);
  assert.deepEqual(page.problems, []);
});

test('on a desktop the results stay in view while the questions scroll', async () => {
  const page = await openApp(app.browser, app.server.url, { width: 1280, height: 900 });
  await chooseQuestionnaire(page, 'sme-digital-level');
  // The score card and the dimensions, drawn by the desk once it is loaded.
  await page.waitForSelector('.results #score-total');
  await page.waitForSelector('.results .dimensions .chart.radar svg');
  await page.evaluate(() => window.scrollTo(0, 2500));
  await page.waitForFunction(() => window.scrollY > 2000);
  const box = await page.evaluate(() => {
    const r = document.querySelector('.results').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  assert.ok(box.top >= 0 && box.top <= 32, `the panel's top stays at the top (${box.top})`);
  assert.ok(box.bottom <= 900, `the panel fits the window (${box.bottom})`);
  // It scrolls on its own, down to the recommendations.
  await page.evaluate(() => document.querySelector('.results .recommendations').scrollIntoView());
  const advice = await page.evaluate(() => document.querySelector('.results .recommendations').getBoundingClientRect().top);
  assert.ok(advice < 900);
});

test('renaming happens in the list row: Enter saves, Esc cancels', async () => {
  const page = await openApp(app.browser, app.server.url);
  await openLibrary(page);
  await page.fill('#firm-name', '旧名称厂');
  await page.waitForSelector('.assessment:has-text("旧名称厂")');
  await page.click('.assessment.current button.rename');
  const input = page.locator('.assessment.current .rename-input');
  await page.waitForFunction(() => document.activeElement?.classList.contains('rename-input'));
  assert.equal(await input.inputValue(), '旧名称厂');
  assert.match(await page.innerText('.assessment.current .rename-label'), /企业名称/);
  await noAxeViolations(page, 'renaming in the list row');
  await input.fill('新名称厂');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.assessment.current strong:has-text("新名称厂")');
  assert.equal(await page.inputValue('#firm-name'), '新名称厂');
  await page.waitForFunction(() => document.activeElement?.classList.contains('rename'));
  // Esc leaves the name as it was.
  await page.click('.assessment.current button.rename');
  await page.locator('.assessment.current .rename-input').fill('不要这个');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.assessment.current strong:has-text("新名称厂")');
  assert.equal(await page.inputValue('#firm-name'), '新名称厂');
  // Another assessment's row is renamed in storage too.
  const renamed = await page.getAttribute('.assessment.current', 'data-assessment');
  await page.click('#new-assessment');
  await page.fill('#firm-name', '另一家');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
  await page.click(`[data-assessment="${renamed}"] button.rename`);
  await page.locator(`[data-assessment="${renamed}"] .rename-input`).fill('第三个名字');
  await page.keyboard.press('Enter');
  await page.reload();
  await page.waitForSelector('#library-summary');
  await openLibrary(page);
  assert.deepEqual((await names(page)).sort(), ['另一家', '第三个名字'].sort());
  assert.deepEqual(page.problems, []);
});
