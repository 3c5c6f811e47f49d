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
import { openApp, useApp, importAnswers, openLibrary, ROOT, OUTPUT } from './support.mjs';
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
  // In English, as the app is.
  await page.click('#toggle-lang');
  await page.waitForFunction(() => document.getElementById('desk-view-heading')?.textContent === 'Roll-up of the selected firms');
  assert.match(await page.innerText('.left-out'), /戊五金: another questionnaire .*; left out/);
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
