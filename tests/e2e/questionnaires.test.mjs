// The built-in questionnaires in the browser: conditions, validation on "next", the
// SME report printed with score and level, and text that stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, cell, ROOT, OUTPUT, useApp, chooseQuestionnaire, printReport, pdfText, importAnswers } from './support.mjs';

const app = useApp();

test('a conditional question appears and disappears with its condition, and its hidden answer stops counting', async () => {
  const page = await openApp(app.browser, app.server.url);
  await chooseQuestionnaire(page, 'sme-digital-level');
  // equip_digital is asked only when equip_total > 0.
  assert.equal(await page.locator('#q-equip_digital').count(), 0);
  const asked = async () => Number((await page.innerText('#progress-text')).match(/\/(\d+)/)[1]);
  const before = await asked();
  await page.fill('#q-equip_total', '10');
  await page.waitForSelector('#q-equip_digital');
  assert.equal(await asked(), before + 2, 'two more questions are asked');
  await page.fill('#q-equip_digital', '5');
  assert.equal(await page.innerText('#q-equip_digital_ratio-value'), '50.0%');
  assert.equal(await cell(page, 'equip_digital_rate', 'value'), '50.0%');
  await page.fill('#q-equip_total', '0');
  await page.waitForSelector('#q-equip_digital', { state: 'detached' });
  assert.equal(await asked(), before);
  assert.equal(await cell(page, 'equip_digital_rate', 'value'), '不适用');
  // The hidden answer was kept, and counts again when the question comes back.
  await page.fill('#q-equip_total', '20');
  await page.waitForSelector('#q-equip_digital');
  assert.equal(await page.inputValue('#q-equip_digital'), '5');
  assert.equal(await cell(page, 'equip_digital_rate', 'value'), '25.0%');
});

test('the longer questionnaires are downloaded only when chosen; a failed download changes nothing', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\.(bin|json|toml)|shuzhuan-files|files-worker/.test(r.name)).map((r) => r.name));
  assert.deepEqual(await fetched(), [], 'a first visit fetches no questionnaire file and not the files worker');
  let downloads = 0;
  page.on('response', (r) => {
    if (r.url().includes('sme-digital-level.bin') && r.ok()) downloads += 1;
  });
  await page.fill('#q-key_processes', '40');
  // Offline: the download fails, the app says so and keeps the questionnaire in use.
  await page.route('**/sme-digital-level.bin*', (route) => route.abort('internetdisconnected'));
  await page.selectOption('#questionnaire', 'sme-digital-level');
  await page.waitForSelector('.notice:has-text("下载失败")');
  assert.equal(await page.inputValue('#questionnaire'), 'headline-quick', 'the list shows the questionnaire still in use');
  assert.equal(await page.getAttribute('.questionnaire', 'data-questionnaire'), 'headline-quick');
  assert.equal(await page.inputValue('#q-key_processes'), '40', 'what was typed is kept');
  // Back online: choosing it again downloads it once.
  await page.unroute('**/sme-digital-level.bin*');
  await chooseQuestionnaire(page, 'sme-digital-level');
  assert.ok(await page.locator('#q-equip_total').count(), 'the SME questions are shown');
  // The desk, which draws the score, has the questionnaire too once the score is shown
  // (a wasm of its own, it fetches its own copy: from the service worker's cache after
  // the first visit).
  await page.waitForSelector('#score-total');
  const once = downloads;
  assert.ok(once >= 1 && once <= 2, `downloaded by the app and at most once by the desk: ${once}`);
  // Switching away and back uses the copies already downloaded.
  await chooseQuestionnaire(page, 'headline-quick');
  await chooseQuestionnaire(page, 'sme-digital-level');
  await page.waitForSelector('#score-total');
  assert.equal(downloads, once);
});

test('a questionnaire file is read by the files worker, fetched only then; a failed fetch changes nothing; the file survives a reload', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  const file = join(ROOT, 'tests/fixtures/conditions.toml');
  await page.fill('#q-key_processes', '40');
  // Offline: the worker cannot be fetched; the app says so and nothing changes.
  await page.context().route('**/*files*', (route) => route.abort('internetdisconnected'));
  await page.setInputFiles('#questionnaire-file', file);
  await page.waitForSelector('.notice:has-text("读取程序下载失败")');
  assert.equal(await page.getAttribute('.questionnaire', 'data-questionnaire'), 'headline-quick');
  assert.equal(await page.inputValue('#q-key_processes'), '40', 'what was typed is kept');
  // Back online: the same file loads and is chosen.
  await page.context().unroute('**/*files*');
  await page.setInputFiles('#questionnaire-file', []);
  await page.setInputFiles('#questionnaire-file', file);
  await page.waitForSelector('.questionnaire[data-questionnaire="conditions"]');
  // After a reload the saved file is read again and the assessment on it reopens.
  await page.reload();
  await page.waitForSelector('.questionnaire[data-questionnaire="conditions"]');
  assert.ok(await page.locator('#questionnaire option[value="conditions"]').count(), 'the file is in the list again');
});

test('"next" with an error in the section moves focus to the error and keeps the text', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.fill('#q-key_processes', '10');
  await page.fill('#q-cnc_key_processes', '12');
  await page.click('#next-section');
  await page.waitForFunction(() => document.activeElement?.id === 'q-cnc_key_processes');
  assert.equal(await page.inputValue('#q-cnc_key_processes'), '12');
  assert.equal(await page.getAttribute('#nav-section-0', 'aria-current'), 'step');
  await page.fill('#q-cnc_key_processes', '7');
  await page.click('#next-section');
  assert.equal(await page.getAttribute('#nav-section-1', 'aria-current'), 'step');
});

test('the SME report prints score, level, indicators and Chinese headings; a firm name stays text', async () => {
  const page = await openApp(app.browser, app.server.url);
  await importAnswers(page, join(ROOT, 'tests/answers/mixed-firm.json'));
  await page.waitForSelector('#score-total');
  const xss = '<img src=x onerror=alert(1)>';
  await page.fill('#firm-name', `常州示例 ${xss}`);
  // Text in the dashboard and in the chart's title, never markup.
  assert.match(await page.innerHTML('.results .chart-svg svg title'), /&lt;img src=x onerror=alert\(1\)&gt;：核心指标与目标的差距/);
  assert.equal(await page.locator('img').count(), 0);
  await page.click('#toggle-report');
  assert.equal(await page.innerText('.report-firm'), `常州示例 ${xss}`);
  // Printed, the indicator table keeps every row, the unanswered ones too (as the chart does).
  await page.emulateMedia({ media: 'print' });
  const rows = page.locator('.report .indicator-table tbody tr[data-indicator]');
  assert.equal(await rows.count(), 6);
  for (const r of await rows.all()) assert.ok(await r.isVisible(), `${await r.getAttribute('data-indicator')} is printed`);
  // Back to the page's own media: page.pdf() then prints with the print stylesheet.
  await page.emulateMedia({ media: null });
  await page.fill('#consultant-name', '王工');
  await page.fill('#consultant-org', '泰州数字化服务中心');
  const pdfPath = join(OUTPUT, 'sme-report.pdf');
  await printReport(page, pdfPath);
  const text = pdfText(pdfPath);
  for (const expected of [
    `常州示例 ${xss}`,
    '王工（泰州数字化服务中心）',
    '摘要',
    '46.5',
    '二级',
    '距三级还差 13.5 分',
    '最大的差距',
    '核心指标与目标',
    '关键工序数控化率',
    '55.0%',
    '68%',
    '66.2%',
    '维度详情',
    '设备系统',
    '其他建议',
    '附录：填写的答案',
    '方法与来源',
    '《中小企业数字化水平评测指标（2024年版）》',
  ]) {
    assert.ok(text.includes(expected), `PDF lacks ${JSON.stringify(expected)}`);
  }
  assert.ok(!text.includes('即时结果') && !text.includes('我的评估'), 'no app chrome in the PDF');
  assert.deepEqual(page.problems, []);
});

test('in English, no text on the questionnaire screen is left in Chinese only', async () => {
  const page = await openApp(app.browser, app.server.url);
  await chooseQuestionnaire(page, 'sme-digital-level');
  await page.click('#toggle-lang');
  for (const section of [0, 3]) {
    await page.click(`#nav-section-${section}`);
    const stray = await page.evaluate(() => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        // Chinese names inside English sentences (专精特新, 江苏省泰州市) are fine;
        // a text with no Latin letter at all was not translated.
        if (!/[\u4e00-\u9fff]/.test(n.textContent) || /[A-Za-z]/.test(n.textContent) || !el.checkVisibility()) continue;
        if (el.closest('#profile-source, [lang="zh-CN"], .report, .sources')) continue;
        out.push(n.textContent.trim().slice(0, 40));
      }
      return out;
    });
    assert.deepEqual(stray, [], `section ${section}`);
  }
});

test('a scored questionnaire\'s score is drawn by the desk: a failed download is said in the results with a retry, and the score follows the answers', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  const block = (route) => route.abort('internetdisconnected');
  await page.route(/shuzhuan-desk_bg\.wasm/, block);
  await chooseQuestionnaire(page, 'sme-digital-level');
  await page.waitForSelector('.results .live-status .desk-failed');
  assert.equal(await page.getAttribute('.results .desk-failed', 'role'), 'alert');
  assert.match(await page.innerText('.results .desk-failed'), /得分与等级没能加载.*请检查网络连接/s);
  // The form and the indicators do not wait for it.
  await page.fill('#q-equip_total', '10');
  await page.waitForSelector('#q-equip_digital');
  await page.fill('#q-equip_digital', '5');
  assert.equal(await cell(page, 'equip_digital_rate', 'value'), '50.0%');
  // Two seconds after the first answer the app tries to load the desk again (for the
  // browser's print command); that fails too while the network is down.
  await page.waitForTimeout(2500);
  await page.waitForSelector('.results .live-status .desk-failed');
  await page.unroute(/shuzhuan-desk_bg\.wasm/, block);
  await page.click('.results .desk-retry');
  await page.waitForSelector('.results #score-total');
  assert.equal(await page.locator('.results .desk-failed').count(), 0);
  // 5 of 10 machines digitalised (50 %) is the band (40 %, 60 %]: 4.5 points; 7 of 10
  // (70 %) is (60 %, 100 %]: 6 points, so the total moves by 1.5.
  const total = async () => Number((await page.innerText('#score-total')).replace(/[^\d.]/g, ''));
  const before = await total();
  await page.fill('#q-equip_digital', '7');
  await page.waitForFunction((b) => Number(document.querySelector('#score-total').innerText.replace(/[^\d.]/g, '')) !== b, before);
  assert.equal(Math.round((await total() - before) * 10) / 10, 1.5);
  assert.ok(await page.locator('.results .dimensions .chart.radar svg').count(), 'the dimensions are drawn');
  // Back to the quick check: no score, no dimensions.
  await chooseQuestionnaire(page, 'headline-quick');
  await page.waitForSelector('.results #score-total', { state: 'detached' });
  assert.equal(await page.locator('.results .dimensions').count(), 0);
  await page.context().close();
});
