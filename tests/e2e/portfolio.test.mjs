// The consultant's portfolio in the desk: six firms imported (five on the SME
// questionnaire, two of them one firm's rounds, and one on the quick check), the table
// sorted by score and filtered by region, three firms compared, one firm's rounds, and a
// roll-up against Taizhou's targets whose weighted value is worked out here from the
// files; sort and selection by keyboard; axe and screenshots at 1280 and 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, useApp, importAnswers, openLibrary, printReport, pdfText, ROOT, OUTPUT } from './support.mjs';
import { axeViolations, describeViolations } from './axe.mjs';

const app = useApp();
const FILES = join(OUTPUT, 'portfolio-files');

// The SME answers of tests/answers/mixed-firm.json, each firm with its own key processes
// (the CNC ratio) and some answers left out (a lower score).
const MIXED = JSON.parse(readFileSync(join(ROOT, 'tests/answers/mixed-firm.json'), 'utf8'));
const FIRMS = [
  { file: 'a-t0.json', name: '甲精密', region: '江苏省泰州市', round: 'T0', on: '2025-03-01', keys: 40, cnc: 22, drop: ['network_security', 'data_security', 'governance'] },
  { file: 'a-t1.json', name: '甲精密', region: '江苏省泰州市', round: 'T1', on: '2026-03-01', keys: 40, cnc: 30, drop: [] },
  { file: 'b.json', name: '乙铸造', region: '江苏省泰州市', round: 'T1', on: '2026-02-10', keys: 50, cnc: 11, drop: ['talent_measures'] },
  { file: 'c.json', name: '丙电子', region: '浙江省宁波市', round: 'T1', on: '2026-01-20', keys: 30, cnc: 19, drop: ['governance', 'talent_measures', 'digital_plan'] },
  { file: 'd.json', name: '丁机械', region: '江苏省泰州市', round: 'T1', on: '2026-02-01', keys: 70, cnc: 47, drop: ['network', 'auto_data_capture', 'system_coverage', 'network_security'] },
];
const QUICK = { file: 'e.json', name: '戊五金', region: '江苏省泰州市' };

function writeFiles() {
  mkdirSync(FILES, { recursive: true });
  FIRMS.forEach((f, i) => {
    const values = { ...MIXED.answers.values, key_processes: { typed: String(f.keys) }, cnc_key_processes: { typed: String(f.cnc) } };
    for (const id of f.drop) delete values[id];
    const file = {
      ...MIXED,
      firm: { ...MIXED.firm, name: f.name, region: f.region },
      answers: { values },
      created_at: `2026-11-2${i}T09:00:00Z`,
      updated_at: `2026-11-2${i}T10:00:00Z`,
      round: f.round,
      assessed_on: f.on,
    };
    writeFileSync(join(FILES, f.file), JSON.stringify(file));
  });
  writeFileSync(join(FILES, QUICK.file), JSON.stringify({
    format: 'shuzhuan-answers',
    format_version: 1,
    questionnaire: { id: 'headline-quick', version: '1.1.0' },
    firm: { name: QUICK.name, region: QUICK.region },
    target_profile: 'taizhou-2025',
    answers: { values: { key_processes: { typed: '10' }, cnc_key_processes: { typed: '9' } } },
    created_at: '2026-11-28T09:00:00Z',
    updated_at: '2026-11-28T10:00:00Z',
  }));
}

/** One decimal as the app rounds (half away from zero), with the percent sign. */
const percent = (v) => `${(Math.round(v * 10 + Number.EPSILON) / 10).toFixed(1)}%`;

const rowOf = (page, firm, round) => page.locator(`.assessment:has(strong:text-is("${firm}")):has(.round-date:text-matches("^${round}"))`);
const firmsShown = (page) => page.$$eval('.assessment', (rows) => rows.map((r) => `${r.querySelector('strong').textContent} ${r.querySelector('.round-date').textContent.split(' ')[0]}`));
const cells = (page, table, row) => page.locator(`.${table} tr[data-row="${row}"] td`).allInnerTexts();

async function noViolations(page, where) {
  const v = await axeViolations(page);
  assert.equal(v.length, 0, describeViolations(where, v));
}

/**
 * Prints the roll-up shown (window.print stubbed, the page printed to A4 as a browser
 * does) and reads it back: the PDF's page size, its pages as laid out, and its words
 * with every space taken out (Chinese lines break anywhere). `PRINT_SHOTS=/tmp/dir`
 * keeps its pages as PNG images to look at.
 */
async function printRollup(page, lang) {
  const before = await page.evaluate(() => window.printed ?? 0);
  await page.evaluate(() => {
    window.printed ??= 0;
    window.print = () => {
      window.printed += 1;
    };
  });
  await page.click('#print-view');
  await page.waitForFunction((n) => window.printed === n + 1, before);
  const title = await page.title();
  const pdf = join(OUTPUT, `portfolio-rollup-${lang}.pdf`);
  await printReport(page, pdf);
  if (process.env.PRINT_SHOTS) {
    mkdirSync(process.env.PRINT_SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(process.env.PRINT_SHOTS, `rollup-${lang}`)]);
  }
  const size = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Page size:\s*([\d.]+) x ([\d.]+) pts/);
  const pages = pdfText(pdf, { layout: true }).split('\f').slice(0, -1).map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
  const flat = pdfText(pdf).replace(/\s+/g, '');
  return { title, size: [Number(size[1]), Number(size[2])], pages, flat };
}

/** The checks every printed page passes: the running header (the profile and the day),
 *  "n / N" at its foot, and no heading left at its bottom. */
function checkPages(pages, profile, date, headings) {
  const n = pages.length;
  pages.forEach((lines, i) => {
    const where = `page ${i + 1} of ${n}`;
    assert.ok(lines.some((l) => l.includes(profile) && l.includes(date)), `${where} is headed by the profile and the day: ${lines[0]}`);
    assert.ok(lines.some((l) => l.replace(/\s/g, '') === `${i + 1}/${n}`), `${where} has "n / N" at its foot`);
    const body = lines.filter((l) => l.replace(/\s/g, '') !== `${i + 1}/${n}`);
    assert.ok(!headings.includes(body[body.length - 1]), `${where} ends with the heading "${body[body.length - 1]}"`);
    assert.ok(body.length > 3, `${where} is not blank`);
  });
}

const squeeze = (s) => s.replace(/\s+/g, '');

async function shoot(page, name) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.locator('#library').screenshot({ path: join(OUTPUT, `portfolio-${name}.png`) });
}

test('the portfolio: sorted, filtered, compared, one firm\'s rounds, rolled up against Taizhou', async () => {
  writeFiles();
  const page = await openApp(app.browser, app.server.url, { width: 1280, height: 900 });
  await openLibrary(page);
  for (const f of [...FIRMS, QUICK]) {
    await importAnswers(page, join(FILES, f.file));
    await page.waitForSelector(`.assessment[aria-current="true"] strong:text-is("${f.name}")`);
  }
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 6);
  // At 1280 px the desk is a table: the indicator columns with their signed gaps.
  assert.equal(await page.locator('.portfolio-sort').isVisible(), false, 'no sort selects beside column headings');
  const a1 = rowOf(page, '甲精密', 'T1');
  assert.equal(await a1.locator('td[data-indicator="cnc_rate"]').innerText(), '75.0%');
  assert.equal(await a1.locator('td[data-gap="cnc_rate"]').innerText(), '+7.0', '75 against the national 68');
  assert.equal(await rowOf(page, '戊五金', '').locator('.score').innerText(), '—', 'the quick check has no score');

  // Sorted by score, highest first: the order the cells say.
  await page.click('th button[data-sort="score"]');
  assert.equal(await page.getAttribute('th:has(button[data-sort="score"])', 'aria-sort'), 'descending');
  const scores = await page.$$eval('.assessment .score', (c) => c.map((x) => x.textContent));
  const numbers = scores.filter((s) => s !== '—').map(Number);
  assert.equal(numbers.length, 5, `five scored: ${scores}`);
  assert.deepEqual([...numbers].sort((x, y) => y - x), numbers, `highest first: ${scores}`);
  assert.equal(scores[5], '—', 'the unscored one last');
  assert.ok(new Set(numbers).size >= 4, `the firms' scores differ: ${scores}`);
  // By keyboard: the heading's button, Enter: lowest first (the unscored one stays last).
  await page.focus('th button[data-sort="score"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('th[aria-sort="ascending"] button[data-sort="score"]');
  const up = await page.$$eval('.assessment .score', (c) => c.map((x) => x.textContent));
  assert.deepEqual(up.slice(0, 5).map(Number), [...numbers].reverse());
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.sort), 'score', 'focus stays on the heading');
  await page.keyboard.press('Enter');
  await page.waitForSelector('th[aria-sort="descending"] button[data-sort="score"]');
  const byScore = await firmsShown(page);

  // Filtered by region: only Ningbo's firm; the filter's menu offers the regions there are.
  const regions = await page.$$eval('#filter-region option', (o) => o.map((x) => x.value));
  assert.deepEqual(regions, ['', '江苏省泰州市', '浙江省宁波市']);
  await page.selectOption('#filter-region', '浙江省宁波市');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 1);
  assert.deepEqual(await firmsShown(page), ['丙电子 T1']);
  assert.equal(await page.innerText('#shown-count'), '显示 1 份，共 6 份');
  // Selected by keyboard (Space on its checkbox); the selection outlives the filter.
  await page.focus('.assessment .row-select');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('selection-count').textContent === '已选 1 份');
  assert.match(await page.innerText('#compare-why'), /并排比较需选择 2 至 5 份评估（已选 1 份）/);
  assert.equal(await page.isDisabled('#compare-selected'), true);
  await page.selectOption('#filter-region', '');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 6);
  assert.deepEqual(await firmsShown(page), byScore, 'the sort is kept');
  assert.equal(await rowOf(page, '丙电子', 'T1').locator('.row-select').isChecked(), true);
  await rowOf(page, '甲精密', 'T1').locator('.row-select').check();
  await rowOf(page, '乙铸造', 'T1').locator('.row-select').check();
  await page.waitForFunction(() => document.getElementById('selection-count').textContent === '已选 3 份');
  await noViolations(page, 'the portfolio at 1280 px');
  await shoot(page, '1280-list');

  // Three firms side by side: a column each, in the list's order; a series each in the chart.
  assert.equal(await page.isDisabled('#compare-selected'), false);
  await page.click('#compare-selected');
  await page.waitForSelector('.compare-view');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'desk-view-heading');
  const heads = await page.$$eval('.compare-table thead th', (t) => t.map((x) => x.textContent));
  const order = byScore.filter((f) => ['甲精密 T1', '乙铸造 T1', '丙电子 T1'].includes(f)).map((f) => f.split(' ')[0]);
  assert.deepEqual(heads, ['项目', '目标', ...order.map((n) => `${n}（T1）`)]);
  const cnc = { 甲精密: percent(3000 / 40), 乙铸造: percent(1100 / 50), 丙电子: percent(1900 / 30) };
  assert.deepEqual(await cells(page, 'compare-table', 'cnc_rate'), ['68%', ...order.map((n) => cnc[n])]);
  assert.equal(await page.locator('.desk-chart.compare svg circle').count(), 3, 'one series a firm');
  await noViolations(page, 'the comparison');
  await shoot(page, '1280-compare');
  await page.click('#back-to-list');
  await page.waitForSelector('.assessment-table');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'compare-selected');
  assert.equal(await page.innerText('#selection-count'), '已选 3 份', 'the selection is kept');

  // One firm's rounds: T0 → T1, the change of each indicator.
  await page.click('#clear-selection');
  await rowOf(page, '甲精密', 'T1').locator('.row-select').check();
  assert.match(await page.innerText('#rounds-why'), /同一企业的两轮评估/);
  await rowOf(page, '甲精密', 'T0').locator('.row-select').check();
  await page.click('#rounds-selected');
  await page.waitForSelector('.rounds-view');
  assert.equal(await page.innerText('#desk-view-heading'), '历次对比：甲精密');
  assert.deepEqual(await cells(page, 'rounds-table', 'cnc_rate'), ['55.0%', '75.0%', '+20.0 个百分点']);
  const score = await cells(page, 'rounds-table', 'score');
  assert.ok(Number(score[1]) > Number(score[0]), `T1 answers more: ${score}`);
  assert.equal(await page.locator('.desk-chart.rounds svg circle').count(), 2);
  await noViolations(page, 'the rounds');
  await page.click('#back-to-list');

  // The roll-up of all six against Taizhou: the quick check's firm left out by name.
  await page.click('#clear-selection');
  await page.check('#select-shown');
  await page.waitForFunction(() => document.getElementById('selection-count').textContent === '已选 6 份');
  await page.click('#rollup-selected');
  await page.waitForSelector('.rollup-view');
  assert.equal(await page.inputValue('#rollup-profile'), 'national-2025', 'Ningbo and Taizhou: the national profile');
  await page.selectOption('#rollup-profile', 'taizhou-2025');
  await page.waitForSelector('.rollup-table tr[data-row="cnc_rate"] td:text-is("65%")');
  const sum = (k) => FIRMS.reduce((s, f) => s + f[k], 0);
  const mean = FIRMS.reduce((s, f) => s + (100 * f.cnc) / f.keys, 0) / FIRMS.length;
  const meeting = FIRMS.filter((f) => (100 * f.cnc) / f.keys >= 65).length;
  const row = await cells(page, 'rollup-table', 'cnc_rate');
  assert.deepEqual(row, ['65%', percent(mean), percent((100 * sum('cnc')) / sum('keys')), `${meeting}/5（${percent((100 * meeting) / 5)}）`, '5/5']);
  assert.match(await page.innerText('#rollup-firms'), /^5 家企业/);
  assert.match(await page.innerText('.left-out'), /未计入 1 份：其他问卷 1 份/);
  assert.match(await page.innerText('.left-out'), /戊五金：其他问卷（制造业数字化核心指标速测 1\.1\.0），未计入/);
  assert.ok(await page.locator('.rollup-levels tbody tr').count() >= 2, 'the levels');
  assert.match(await page.innerText('.rollup-at-or-above'), /^二级及以上：\d\/5（\d+\.\d%）$/);
  await noViolations(page, 'the roll-up');
  await shoot(page, '1280-rollup');

  // Printed, the roll-up is a report of its own, on A4: the cover, the summary, the
  // firms included and left out, the method note; each page headed by the profile and
  // the day, numbered at its foot.
  const incomplete = await page.innerText('.rollup-incomplete');
  const zh = await printRollup(page, 'zh');
  const today = zh.title.match(/(\d{4}-\d{2}-\d{2})$/)?.[1];
  assert.equal(zh.title, `区域汇总报告 · 泰州市 2025 年目标 · ${today}`, 'the PDF is named for the report');
  assert.deepEqual(zh.size.map(Math.round), [595, 842], 'A4');
  assert.ok(zh.pages.length >= 3 && zh.pages.length <= 4, `${zh.pages.length} pages`);
  checkPages(zh.pages, '泰州市 2025 年目标', today, ['汇总结果', '计入汇总的企业（5 家企业）', '方法与来源', '汇总的算法', '指标口径', '问卷依据', '目标值']);
  const cover = squeeze(zh.pages[0].join(''));
  for (const words of ['江苏省泰州市', '区域汇总报告', `制造业中小企业数字化水平自评·v${MIXED.questionnaire.version}`, '对照目标方案泰州市2025年目标', '目标依据泰州市关于加快发展数字经济的指导意见（任务四）', '计入汇总5家企业', '未计入1份', `打印日期${today}`]) {
    assert.ok(cover.includes(words), `the cover says ${words}: ${cover}`);
  }
  assert.ok(!zh.pages[0].some((l) => l.includes('核心指标汇总')), 'the cover has a page of its own');
  const incompleteNames = incomplete.replace(/^未答完（结果为暂定）：/, '').split('、');
  assert.ok(cover.includes(`其中未答完${incompleteNames.length}家企业`), `the cover counts the incomplete firms: ${cover}`);
  // The weighted value, worked out here from the files: Σ CNC key processes ÷ Σ key processes.
  const weighted = percent((100 * sum('cnc')) / sum('keys'));
  assert.ok(zh.pages.flat().some((l) => new RegExp(`^关键工序数控化率\\s+65%\\s+${percent(mean)}\\s+${weighted}\\s+${meeting}/5（`).test(l)), `the CNC row: target, mean, ${weighted} weighted, meeting`);
  for (const f of FIRMS) {
    assert.ok(zh.pages.flat().some((l) => new RegExp(`^${f.name}\\s+${f.round}\\s+${f.on}`).test(l)), `${f.name} ${f.round} listed with its date`);
  }
  for (const name of incompleteNames) assert.ok(FIRMS.some((f) => name === `${f.name}（${f.round}）`), name);
  assert.ok(FIRMS.filter((f) => f.drop.length).every((f) => incompleteNames.includes(`${f.name}（${f.round}）`)), 'each firm with answers left out is incomplete');
  for (const words of [
    `未答完（结果为暂定）：${incompleteNames.join('、')}`,
    '未计入的评估（1份）',
    '戊五金：其他问卷（制造业数字化核心指标速测1.1.0），未计入',
    '二级及以上：',
    '企业均值：该指标有值的企业，其指标值的算术平均',
    '加权值：各企业该指标的分子之和÷分母之和×100%',
    '达到目标：企业的指标值不低于目标值',
    '未答完的企业照样计入汇总，它缺少的指标按此不计入',
    '泰州市关于加快发展数字经济的指导意见（任务四）（适用于：',
  ]) {
    assert.ok(zh.flat.includes(squeeze(words)), `the report says ${words}`);
  }
  assert.doesNotMatch(zh.flat, /返回列表|对照的目标方案|导出|报告预览|即时结果|我的评估/, 'the report alone, without the view\'s controls or the app');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('printing-view')), false, 'over after printing');
  assert.equal(await page.title(), '数转 · 制造业数字化自评');

  // In English, as the app is.
  await page.click('#toggle-lang');
  await page.waitForFunction(() => document.getElementById('desk-view-heading')?.textContent === 'Roll-up of the selected firms');
  assert.match(await page.innerText('.left-out'), /戊五金: another questionnaire .*; left out/);
  const en = await printRollup(page, 'en');
  assert.equal(en.title, `Roll-up report · Taizhou targets 2025 · ${today}`);
  checkPages(en.pages, 'Taizhou targets 2025', today, ['Summary', 'Firms included (5 firms)', 'Method and sources', 'How the roll-up is computed', 'Indicator definitions', 'Questionnaire based on', 'Targets']);
  assert.ok(squeeze(en.pages[0].join(' ')).includes('Roll-upreport'), 'the English title');
  assert.ok(en.flat.includes(squeeze('Firms included 5 firms')), 'the cover counts the firms');
  assert.ok(en.pages.flat().some((l) => new RegExp(`^CNC ratio of key processes\\s+65%\\s+${percent(mean)}\\s+${weighted}`).test(l)), 'the CNC row in English');
  assert.ok(en.flat.includes(squeeze('戊五金: another questionnaire')), 'the firm left out, with its reason');
  assert.ok(en.flat.includes(squeeze('Weighted value: the sum of the firms')), 'the method note');
  // English punctuation in English text, the firms' own names aside.
  const outside = en.pages.flat().join('\n').replace(/《[^》]*》/g, '').replace(/[甲乙丙丁戊]\p{Script=Han}+/gu, '');
  for (const mark of ['（', '，', '：', '；', '。']) assert.equal(outside.indexOf(mark), -1, `Chinese "${mark}" in English text: ${outside.slice(outside.indexOf(mark) - 40, outside.indexOf(mark) + 40)}`);
  await page.click('#toggle-lang');
  await page.waitForFunction(() => document.getElementById('desk-view-heading')?.textContent === '汇总所选企业');

  // A phone: the roll-up and the list fit 360 px; the rows are cards, sorted with selects.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'the roll-up fits');
  await noViolations(page, 'the roll-up at 360 px');
  await shoot(page, '360-rollup');
  await page.click('#back-to-list');
  await page.waitForSelector('.assessment-table');
  assert.equal(await page.locator('.portfolio-sort').isVisible(), true);
  assert.equal(await page.locator('.assessment-table thead').boundingBox().then((b) => b.height <= 1), true, 'headings hidden: cards');
  await page.selectOption('#sort-key', 'value:cnc_rate');
  // The quick check's firm has the highest ratio (9 of 10).
  await page.waitForFunction(() => [...document.querySelectorAll('.assessment td[data-indicator="cnc_rate"]')].map((c) => c.textContent).join() === '90.0%,75.0%,67.1%,63.3%,55.0%,22.0%');
  assert.equal(await page.getAttribute('th:has(button[data-sort="value:cnc_rate"])', 'aria-sort'), 'descending');
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'the list fits');
  await noViolations(page, 'the portfolio at 360 px');
  await shoot(page, '360-list');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the selected firms\' reports print as one document, each from a page of its own', async () => {
  writeFiles();
  const page = await openApp(app.browser, app.server.url, { width: 1280, height: 900 });
  await openLibrary(page);
  for (const f of FIRMS.slice(2)) {
    await importAnswers(page, join(FILES, f.file));
    await page.waitForSelector(`.assessment[aria-current="true"] strong:text-is("${f.name}")`);
  }
  assert.equal(await page.isDisabled('#print-selected'), true, 'nothing selected: nothing to print');
  assert.equal(await page.isDisabled('#export-selected'), true, 'nor to export');
  assert.match(await page.innerText('#print-why'), /打印或导出需至少选择 1 份评估/);
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  });
  await rowOf(page, '乙铸造', 'T1').locator('.row-select').check();
  await rowOf(page, '丁机械', 'T1').locator('.row-select').check();
  // The selection as one bundle, and compared with its table exported as CSV.
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.click('#export-selected')]);
  assert.match(bundle.suggestedFilename(), /^数转-所选评估-\d{4}-\d{2}-\d{2}\.json$/);
  const firms = JSON.parse(readFileSync(await bundle.path(), 'utf8')).assessments.map((a) => a.file.firm.name).sort();
  assert.deepEqual(firms, ['丁机械', '乙铸造'].sort());
  await page.click('#compare-selected');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#compare-export-csv')]);
  const text = readFileSync(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark for Excel and WPS');
  assert.match(text, /乙铸造/);
  assert.match(text, /丁机械/);
  // The comparison printed as it is on screen, the rest of the page left out.
  await page.click('#print-view');
  await page.waitForFunction(() => window.printed === 1);
  const viewPdf = join(OUTPUT, 'portfolio-compare.pdf');
  await page.pdf({ path: viewPdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const viewText = execFileSync('pdftotext', [viewPdf, '-'], { encoding: 'utf8' });
  assert.match(viewText, /企业并排比较/);
  assert.match(viewText, /乙铸造/);
  assert.doesNotMatch(viewText, /返回列表|打印报告|报告预览|即时结果|我的评估/, 'the view alone, without buttons, form or app bar');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('printing-view')), false, 'over after printing');
  await page.click('#back-to-list');
  await page.click('#print-selected');
  await page.waitForFunction(() => window.printed === 2);
  assert.deepEqual(await page.$$eval('.report .report-firm', (els) => els.map((e) => e.textContent)), ['乙铸造', '丁机械']);
  assert.match(await page.title(), /^2 家企业 · 数字化转型自评报告 · \d{4}-\d{2}-\d{2}$/);
  const pdf = join(OUTPUT, 'portfolio-batch.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  const first = (firm) => pages.findIndex((p) => p.includes(firm) && p.includes('数字化转型自评报告'));
  assert.equal(first('乙铸造'), 0, 'the first report starts the document');
  const second = first('丁机械');
  assert.ok(second > 0, 'the second report has pages of its own');
  assert.ok(!pages[second].includes('乙铸造'), 'and starts on a page of its own');
  // Printing is over (printing to PDF ends with `afterprint`): the batch is taken away.
  await page.waitForFunction(() => !document.querySelector('.report'));
  assert.equal(await page.title(), '数转 · 制造业数字化自评');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
