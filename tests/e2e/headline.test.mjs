// The foundation path in the real app: type counts, read ratios and gaps, see the chart,
// switch profile and language, reload and resume, print the report to PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, cell, svgRects, OUTPUT, useApp, printReport, pdfText } from './support.mjs';

const app = useApp();

// Colours and geometry of the gap chart (src/charts/gap_chart.rs).
const SHORT = '#B43C0A';
const MET = '#156B3F';
const BAR_X0 = 12; // the bar area is 416 px wide

async function fillTypicalFirm(page, firm = '泰州精工机械有限公司') {
  await page.fill('#firm-name', firm);
  await page.fill('#q-key_processes', '40');
  await page.fill('#q-cnc_key_processes', '22');
  await page.click('#next-section');
  await page.fill('#q-mgmt_functions', '8');
  await page.fill('#q-mgmt_functions_digital', '6');
  await page.click('#next-section');
  await page.fill('#q-rd_staff', '30');
  await page.fill('#q-rd_staff_with_tools', '27');
}

test('typed counts give the ratios, gaps and chart bars computed by hand', async () => {
  const page = await openApp(app.browser, app.server.url);
  await fillTypicalFirm(page);
  // 22/40 = 55 % vs 68 %; 6/8 = 75 % vs 80 %; 27/30 = 90 % vs 85 %.
  assert.equal(await cell(page, 'cnc_rate', 'value'), '55.0%');
  // The target, and under it the firms it is for.
  assert.equal(await cell(page, 'cnc_rate', 'target'), '68%\n全国（规划未限定企业范围）');
  assert.equal(await cell(page, 'cnc_rate', 'gap'), '低于目标 13.0 个百分点');
  assert.equal(await cell(page, 'mgmt_digital_rate', 'value'), '75.0%');
  assert.equal(await cell(page, 'mgmt_digital_rate', 'gap'), '低于目标 5.0 个百分点');
  assert.equal(await cell(page, 'rd_tool_rate', 'value'), '90.0%');
  assert.equal(await cell(page, 'rd_tool_rate', 'gap'), '达到目标（高出 5.0 个百分点）');
  assert.equal(await page.innerText('#progress-text'), '已填写 6/6 项');

  const bars = (await svgRects(page, '.results .chart-svg svg')).filter(
    (r) => r.x === BAR_X0 && (r.fill === SHORT || r.fill === MET),
  );
  assert.deepEqual(
    bars.map((b) => [b.fill, b.width]),
    [
      [SHORT, 229], // 55 % of 416 px = 228.8
      [SHORT, 312], // 75 %
      [MET, 374], // 90 % = 374.4
    ],
  );
  assert.match(await page.innerHTML('.results .chart-svg'), /目标 68%/);

  // Taizhou 2025: CNC 65 %, R&D tools 90 %.
  await page.selectOption('#profile', 'taizhou-2025');
  assert.match(await cell(page, 'cnc_rate', 'target'), /^65%\n泰州市重点企业/);
  assert.equal(await cell(page, 'cnc_rate', 'gap'), '低于目标 10.0 个百分点');
  assert.equal(await cell(page, 'rd_tool_rate', 'gap'), '恰好达到目标');
  assert.match(await page.innerHTML('.results .chart-svg'), /目标 65%/);

  await page.screenshot({ path: join(OUTPUT, 'results-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: join(OUTPUT, 'results-360.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
});

test('input rules: full-width digits, part above whole, zero whole, nothing lost', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.fill('#q-key_processes', ' １０ ');
  await page.fill('#q-cnc_key_processes', '12');
  assert.equal(await page.innerText('#q-cnc_key_processes-error'), '12 不能大于“关键工序总数”（10）');
  assert.equal(await page.getAttribute('#q-cnc_key_processes', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#q-cnc_key_processes'), '12');
  assert.equal(await cell(page, 'cnc_rate', 'value'), '输入有误');

  await page.fill('#q-cnc_key_processes', '３');
  assert.equal(await page.innerText('#q-cnc_key_processes-error'), '');
  assert.equal(await cell(page, 'cnc_rate', 'value'), '30.0%');

  await page.click('#nav-section-2');
  await page.fill('#q-rd_staff', '0');
  // A total of 0: the follow-up is not asked and the indicator is not applicable.
  assert.equal(await page.locator('#q-rd_staff_with_tools').count(), 0);
  assert.equal(await cell(page, 'rd_tool_rate', 'value'), '不适用');

  await page.click('#nav-section-0');
  await page.fill('#q-key_processes', '4.5');
  assert.equal(await page.innerText('#q-key_processes-error'), '请输入整数，不能有小数');
  assert.equal(await page.inputValue('#q-key_processes'), '4.5');
  // Its follow-up waits for a valid total, and keeps what was typed in it.
  assert.equal(await page.locator('#q-cnc_key_processes').count(), 0);
  await page.fill('#q-key_processes', '10');
  assert.equal(await page.inputValue('#q-cnc_key_processes'), '３');
  assert.deepEqual(page.problems, []);
});

test('the firm counts its own management functions: 8 of 10 on a system is 80.0 %', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.click('#nav-section-1');
  // The follow-up is asked once there is a total above 0.
  assert.equal(await page.locator('#q-mgmt_functions_digital').count(), 0);
  await page.fill('#q-mgmt_functions', '10');
  await page.waitForSelector('#q-mgmt_functions_digital');
  await page.fill('#q-mgmt_functions_digital', '8');
  // 8 × 100 ÷ 10 = 80.0 %, exactly the national 80 %.
  assert.equal(await cell(page, 'mgmt_digital_rate', 'value'), '80.0%');
  assert.equal(await cell(page, 'mgmt_digital_rate', 'gap'), '恰好达到目标');
  // More on a system than there are: the error beside the field, the text kept.
  await page.fill('#q-mgmt_functions_digital', '12');
  await page.waitForSelector('#q-mgmt_functions_digital-error:has-text("不能大于")');
  assert.equal(await page.innerText('#q-mgmt_functions_digital-error'), '12 不能大于“贵企业的核心经营管理职能共有几项？”（10）');
  assert.equal(await page.inputValue('#q-mgmt_functions_digital'), '12');
  assert.equal(await cell(page, 'mgmt_digital_rate', 'value'), '输入有误');
  // A total of 0: the follow-up goes and the indicator does not apply.
  await page.fill('#q-mgmt_functions', '0');
  await page.waitForSelector('#q-mgmt_functions_digital', { state: 'detached' });
  assert.match(await cell(page, 'mgmt_digital_rate', 'value'), /不适用/);
  await page.click('#toggle-lang');
  await page.fill('#q-mgmt_functions', '10');
  await page.fill('#q-mgmt_functions_digital', '8');
  assert.equal(await cell(page, 'mgmt_digital_rate', 'value'), '80.0%');
  assert.equal(await cell(page, 'mgmt_digital_rate', 'gap'), 'Exactly on target');
  assert.deepEqual(page.problems, []);
});

test('answers are saved as typed and restored after a reload', async () => {
  const page = await openApp(app.browser, app.server.url);
  await fillTypicalFirm(page, '常州示例电机厂');
  await page.click('#nav-section-0');
  await page.fill('#q-cnc_key_processes', '99'); // an error must survive the reload too
  await page.click('#nav-section-2');
  await page.selectOption('#profile', 'taizhou-2025');
  await page.reload();
  // It reopens on the section the user was in.
  await page.waitForSelector('#q-rd_staff');
  assert.equal(await page.inputValue('#q-rd_staff_with_tools'), '27');
  assert.equal(await page.inputValue('#firm-name'), '常州示例电机厂');
  await page.click('#nav-section-0');
  assert.equal(await page.inputValue('#q-cnc_key_processes'), '99');
  await page.click('#nav-section-1');
  assert.equal(await page.inputValue('#q-mgmt_functions'), '8');
  assert.equal(await page.inputValue('#q-mgmt_functions_digital'), '6');
  assert.equal(await page.inputValue('#profile'), 'taizhou-2025');
  assert.equal(await cell(page, 'cnc_rate', 'value'), '输入有误');
  assert.equal(await cell(page, 'rd_tool_rate', 'gap'), '恰好达到目标');
});

test('an unreadable saved entry is set aside, the others survive and the app stays usable', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.fill('#firm-name', '保留的企业');
  await page.fill('#q-key_processes', '8');
  // One damaged in this release's form, one an earlier release could not have written.
  await page.evaluate(() => localStorage.setItem('shuzhuan.assessment.broken', '{not json'));
  await page.evaluate(() => localStorage.setItem('shuzhuan.assessment.damaged', 'pc1:not base64!'));
  await page.reload();
  await page.waitForSelector('#q-key_processes');
  assert.match(await page.innerText('.notice'), /有 2 条保存的数据无法读取/);
  assert.equal(await page.evaluate(() => localStorage.getItem('shuzhuan.unreadable.assessment.damaged')), 'pc1:not base64!');
  assert.equal(await page.evaluate(() => localStorage.getItem('shuzhuan.unreadable.assessment.broken')), '{not json');
  assert.equal(await page.evaluate(() => localStorage.getItem('shuzhuan.assessment.broken')), null);
  // The good assessment is still there, and still the current one.
  assert.equal(await page.inputValue('#firm-name'), '保留的企业');
  assert.equal(await page.inputValue('#q-key_processes'), '8');
  await page.fill('#q-key_processes', '10');
  await page.fill('#q-cnc_key_processes', '5');
  assert.equal(await cell(page, 'cnc_rate', 'value'), '50.0%');
});

test('the language switch turns the interface and the questionnaire into English', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.click('#toggle-lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.innerText('label[for="q-key_processes"]'), 'Number of key processes');
  assert.equal(await page.innerText('#results-title'), 'Live results');
  await page.fill('#q-key_processes', '25');
  await page.fill('#q-cnc_key_processes', '17');
  assert.equal(await cell(page, 'cnc_rate', 'gap'), 'Exactly on target');
  assert.match(await page.innerHTML('.results .chart-svg'), /Target 68%/);
});

test('the report prints to an A4 PDF with the figures, Chinese labels and no app chrome', async () => {
  const page = await openApp(app.browser, app.server.url);
  const xss = '<img src=x onerror=alert(1)>';
  await fillTypicalFirm(page, `泰州精工 ${xss}`);
  await page.click('#toggle-report');
  await page.waitForSelector('.report-firm');
  await page.screenshot({ path: join(OUTPUT, 'report-preview-1280.png'), fullPage: true });
  const pdfPath = join(OUTPUT, 'report.pdf');
  await printReport(page, pdfPath);
  const text = pdfText(pdfPath, { layout: true });
  for (const expected of [
    `泰州精工 ${xss}`,
    '数字化转型自评报告',
    '关键工序数控化率',
    '经营管理数字化普及率',
    '数字化研发设计工具普及率',
    '55.0%',
    '75.0%',
    '90.0%',
    '68%',
    '80%',
    '85%',
    '低于目标 13.0 个百分点',
    '方法与来源',
  ]) {
    assert.ok(text.includes(expected), `PDF text lacks ${JSON.stringify(expected)}:\n${text}`);
  }
  assert.match(text, /1\s*\/\s*\d/, 'page numbers "1 / N"');
  for (const chrome of ['打印报告', '报告预览', '即时结果']) {
    assert.ok(!text.includes(chrome), `PDF shows app chrome ${chrome}`);
  }
  const date = new Date();
  const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  assert.ok(text.includes(iso), `PDF lacks the date ${iso}`);
  // The chart is vector: its labels are text in the PDF, not pixels.
  assert.ok(text.includes('目标 68%'));
  // The firm name was shown as text and ran nothing.
  assert.equal(await page.locator('.report img').count(), 0);
  assert.deepEqual(page.problems, []);
});
