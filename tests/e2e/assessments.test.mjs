// Scoring in the app against the CLI, the answers file round trip, and the list of
// assessments kept on the device.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, cell, ROOT, OUTPUT, useApp, chooseQuestionnaire, showFirmFields, openLibrary, importAnswers } from './support.mjs';

const app = useApp();

const CLI = join(ROOT, 'target/debug/shuzhuan');
const MIXED = join(ROOT, 'tests/answers/mixed-firm.json');

function cliScore(file) {
  const out = execFileSync(CLI, ['score', '--questionnaire', 'sme-digital-level', '--targets', 'national-2025', '--format', 'json', file], { encoding: 'utf8' });
  return JSON.parse(out)[0];
}

test('an imported answers file scores in the app exactly as the CLI scores it', async () => {
  const page = await openApp(app.browser, app.server.url);
  await importAnswers(page, MIXED);
  await page.waitForSelector('#score-total');
  const cli = cliScore(MIXED);
  assert.equal(cli.total, 46.5);
  assert.equal(await page.innerText('#score-total'), '46.5');
  assert.equal(await page.innerText('#score-level'), cli.level_name);
  assert.equal(await page.inputValue('#firm-name'), '常州示例电机有限公司');
  assert.equal(await cell(page, 'cnc_rate', 'value'), `${cli.indicators[0].value.toFixed(1)}%`);
  assert.match(await page.innerText('#score-next'), /距三级还差 13\.5 分/);
  // The first recommendation is the CLI's first.
  assert.equal(await page.getAttribute('.results .advice-list li:first-child', 'data-advice'), cli.recommendations[0]);
  // A small firm (the file says so) is advised cloud services.
  assert.equal(await page.isChecked('#q-network'), true);
  assert.match(await page.innerText('.notice'), /导入为一份新的评估/);
  assert.deepEqual(page.problems, []);
});

test('a damaged or foreign answers file is refused with a message and changes nothing', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.fill('#firm-name', '原有企业');
  await importAnswers(page, join(ROOT, 'tests/answers/damaged.json'));
  await page.waitForSelector('.notice');
  assert.match(await page.innerText('.notice'), /damaged\.json：文件已损坏或不是答卷文件/);
  await importAnswers(page, join(ROOT, 'tests/answers/other-version.json'));
  await page.waitForFunction(() => document.querySelector('.notice')?.innerText.includes('other-version'));
  assert.match(await page.innerText('.notice'), /问卷版本 2022\.1/);
  assert.equal(await page.inputValue('#firm-name'), '原有企业');
  assert.equal(await page.locator('.assessment').count(), 1);
});

test('export writes the answers file the CLI scores to the same figures', async () => {
  const page = await openApp(app.browser, app.server.url);
  await chooseQuestionnaire(page, 'sme-digital-level');
  await page.fill('#firm-name', '导出测试厂');
  await page.fill('#q-equip_total', '200');
  await page.fill('#q-equip_digital', '90');
  await page.fill('#q-equip_networked', '30');
  await page.check('#q-network');
  await openLibrary(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-answers')]);
  const path = join(OUTPUT, 'exported.json');
  await download.saveAs(path);
  assert.match(download.suggestedFilename(), /^导出测试厂-sme-digital-level-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(file.format, 'shuzhuan-answers');
  assert.equal(file.firm.name, '导出测试厂');
  assert.deepEqual(file.answers.values.equip_total, { typed: '200' });
  const cli = cliScore(path);
  assert.equal(await page.innerText('#score-total'), String(cli.total));
});

test('several assessments: new, switch questionnaire, duplicate, delete with confirmation', async () => {
  const page = await openApp(app.browser, app.server.url);
  await openLibrary(page);
  await page.fill('#firm-name', '甲厂');
  await page.fill('#q-key_processes', '10');
  // Switching questionnaire after answering starts a new assessment; the first is kept.
  await chooseQuestionnaire(page, 'cmmm-self-diagnosis');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
  assert.equal(await page.inputValue('#firm-name'), '甲厂');
  await page.fill('#firm-name', '乙厂');
  await page.click('#new-assessment');
  assert.equal(await page.inputValue('#firm-name'), '');
  await page.fill('#firm-name', '丙厂');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 3);
  // Open 甲厂 again: its answer is there.
  await page.click('.assessment:has-text("甲厂") button:has-text("打开")');
  assert.equal(await page.inputValue('#questionnaire'), 'headline-quick');
  assert.equal(await page.inputValue('#q-key_processes'), '10');
  // Delete 乙厂, answering the confirmation.
  page.once('dialog', (d) => d.accept());
  page.removeAllListeners('dialog');
  page.once('dialog', (d) => d.accept());
  await page.click('.assessment:has-text("乙厂") button:has-text("删除")');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
  await page.reload();
  await page.waitForSelector('#library-summary');
  await openLibrary(page);
  const names = await page.$$eval('.assessment strong', (els) => els.map((e) => e.textContent));
  assert.deepEqual(names.sort(), ['丙厂', '甲厂']);
});

test('the firm region pre-selects its regional target profile', async () => {
  const page = await openApp(app.browser, app.server.url);
  await page.fill('#firm-region', '江苏省泰州市高港区');
  assert.equal(await page.inputValue('#profile'), 'taizhou-2025');
  await page.fill('#firm-region', '甘肃省兰州市');
  assert.equal(await page.inputValue('#profile'), 'gansu-2027');
});

test('reopening the page restores the section and the scroll position', async () => {
  const page = await openApp(app.browser, app.server.url, { width: 360, height: 780 });
  await chooseQuestionnaire(page, 'sme-digital-level');
  // On a phone the firm's fields are folded until opened.
  await showFirmFields(page);
  await page.fill('#firm-name', '滚动测试厂');
  await page.click('#nav-section-3');
  await page.check('#q-scn_product_design');
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.waitForFunction(() => window.scrollY >= 1400);
  await page.reload();
  await page.waitForSelector('#q-scn_product_design');
  await page.waitForFunction(() => window.scrollY > 1000, null, { timeout: 5000 });
  assert.equal(await page.isChecked('#q-scn_product_design'), true);
  // On a phone, the summary bar keeps progress in sight and links to the results.
  assert.match(await page.innerText('.summary-bar'), /已填写 \d+\/\d+/);
  assert.equal(await page.getAttribute('.summary-bar a', 'href'), '#results-title');
});

test('when the browser refuses to save, the app says so and keeps working in memory', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.server.url);
  await page.waitForSelector('#q-key_processes');
  await page.fill('#q-key_processes', '25');
  await page.fill('#q-cnc_key_processes', '17');
  assert.match(await page.innerText('.notice'), /不允许保存数据/);
  assert.equal(await cell(page, 'cnc_rate', 'value'), '68.0%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('data an earlier release saved (JSON) is converted at start and the app opens on it; offline, it is kept as it was', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  const id = '1700000000000-000001';
  // Exactly what the JSON release wrote.
  const legacy = {
    'shuzhuan.settings': JSON.stringify({ format_version: 1, lang: 'zh-CN', current: id }),
    [`shuzhuan.assessment.${id}`]: JSON.stringify({
      format_version: 1, id, section: 0, scroll_y: 0,
      file: {
        format: 'shuzhuan-answers', format_version: 1,
        questionnaire: { id: 'headline-quick', version: '1.0.0' },
        firm: { name: '旧版企业' },
        answers: { values: { key_processes: { typed: '40' }, cnc_key_processes: { typed: '30' } } },
        created_at: '2026-11-01T08:00:00Z', updated_at: '2026-11-01T09:00:00Z',
      },
    }),
    'shuzhuan.consultant': JSON.stringify(['王工', '某咨询公司']),
  };
  const write = (entries) => page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);
  // Offline: the files worker cannot be fetched; nothing is converted or lost.
  await page.context().route('**/*files*', (route) => route.abort('internetdisconnected'));
  await write(legacy);
  await page.reload();
  await page.waitForSelector('.notice:has-text("暂时无法转换")');
  const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('shuzhuan.')).map((k) => [k, localStorage.getItem(k)])));
  for (const [k, v] of Object.entries(legacy)) assert.equal((await stored())[k], v, `${k} is kept as it was`);
  // Online: converted, and the app opens the assessment the user was on.
  await page.context().unroute('**/*files*');
  await page.reload();
  await page.waitForFunction(() => document.getElementById('firm-name')?.value === '旧版企业');
  assert.equal(await page.inputValue('#q-key_processes'), '40');
  assert.equal(await cell(page, 'cnc_rate', 'value'), '75.0%');
  const after = await stored();
  for (const k of Object.keys(legacy)) assert.match(after[k], /^pc1:/, `${k} is in the new form`);
  await page.click('#toggle-report');
  assert.equal(await page.inputValue('#consultant-name'), '王工');
  assert.equal(await page.inputValue('#consultant-org'), '某咨询公司');
  assert.deepEqual(page.problems, []);
});
