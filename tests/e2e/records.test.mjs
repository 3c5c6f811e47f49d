// Assessments as records: a round and a date beside the firm, a re-assessment that keeps
// the firm, a new assessment that starts from the national profile, and the answers two
// questionnaires share carried over only when asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, cell, OUTPUT, useApp, chooseQuestionnaire, openLibrary } from './support.mjs';

const app = useApp();

/** Today in the page's time zone, as the date field writes it. */
function today(page) {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

const metas = (page) => page.$$eval('.assessment', (els) => els.map((e) => ({
  firm: e.querySelector('strong').textContent,
  meta: e.querySelector('.round-date').textContent,
})));

test('a new assessment is dated today; the date and round are saved, exported and kept on reload', async () => {
  const page = await openApp(app.browser, app.server.url);
  assert.equal(await page.inputValue('#assessed-on'), await today(page));
  assert.equal(await page.inputValue('#assessment-round'), '');
  await page.fill('#firm-name', '日期测试厂');
  await page.fill('#assessment-round', '2025 基线');
  await page.fill('#assessed-on', '2025-03-31');
  await page.fill('#q-key_processes', '20');
  await openLibrary(page);
  await page.waitForFunction(() => document.querySelector('.assessment .round-date')?.textContent.startsWith('2025 基线 · 2025-03-31'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-answers')]);
  const path = join(OUTPUT, 'records-dated.json');
  await download.saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(file.round, '2025 基线');
  assert.equal(file.assessed_on, '2025-03-31');
  await page.reload();
  await page.waitForFunction(() => document.getElementById('firm-name')?.value === '日期测试厂');
  assert.equal(await page.inputValue('#assessment-round'), '2025 基线');
  assert.equal(await page.inputValue('#assessed-on'), '2025-03-31');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('shuzhuan.assessment.')).map((k) => localStorage.getItem(k)));
  assert.ok(stored.length === 1 && stored[0].startsWith('pc2:'), stored.join());
  assert.deepEqual(page.problems, []);
});

test('duplicating for a re-assessment keeps the firm and starts the next round, dated today', async () => {
  const page = await openApp(app.browser, app.server.url);
  await openLibrary(page);
  await page.fill('#firm-name', '甲厂');
  await page.fill('#firm-region', '江苏省泰州市');
  await page.fill('#assessment-round', '2025 基线');
  await page.fill('#assessed-on', '2025-03-31');
  await page.fill('#q-key_processes', '40');
  await page.fill('#q-cnc_key_processes', '20');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 1);
  await page.click('.assessment:has-text("甲厂") button:has-text("复制")');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
  // The same firm, not "甲厂（副本）"; the next round, editable; today; the answers copied.
  assert.equal(await page.inputValue('#firm-name'), '甲厂');
  assert.equal(await page.inputValue('#assessment-round'), '2026 基线');
  assert.equal(await page.inputValue('#assessed-on'), await today(page));
  assert.equal(await page.inputValue('#q-key_processes'), '40');
  assert.equal(await page.inputValue('#profile'), 'taizhou-2025');
  await page.fill('#assessment-round', 'T1');
  await page.fill('#q-cnc_key_processes', '30');
  assert.equal(await cell(page, 'cnc_rate', 'value'), '75.0%');
  await page.reload();
  await page.waitForSelector('#library-summary');
  await openLibrary(page);
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
  const rows = await metas(page);
  assert.deepEqual(rows.map((r) => r.firm), ['甲厂', '甲厂']);
  const day = await today(page);
  assert.ok(rows.some((r) => r.meta.includes(`T1 · ${day}`)), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.meta.includes('2025 基线 · 2025-03-31')), JSON.stringify(rows));
  // The first round is untouched.
  await page.click('.assessment:has-text("2025 基线") button:has-text("打开")');
  await page.waitForFunction(() => document.getElementById('assessment-round')?.value === '2025 基线');
  assert.equal(await page.inputValue('#q-cnc_key_processes'), '20');
  assert.deepEqual(page.problems, []);
});

test('a new assessment starts from the national profile, never the previous firm\'s', async () => {
  const page = await openApp(app.browser, app.server.url);
  await openLibrary(page);
  await page.fill('#firm-name', '泰州企业');
  await page.fill('#firm-region', '江苏省泰州市');
  assert.equal(await page.inputValue('#profile'), 'taizhou-2025');
  await page.click('#new-assessment');
  assert.equal(await page.inputValue('#firm-name'), '');
  assert.equal(await page.inputValue('#profile'), 'national-2025');
  assert.equal(await page.inputValue('#assessment-round'), '');
  // Its own region then picks its own profile.
  await page.fill('#firm-region', '甘肃省兰州市');
  assert.equal(await page.inputValue('#profile'), 'gansu-2027');
  // Back to the first firm: its profile is its own.
  await page.click('.assessment:has-text("泰州企业") button:has-text("打开")');
  await page.waitForFunction(() => document.getElementById('firm-name')?.value === '泰州企业');
  assert.equal(await page.inputValue('#profile'), 'taizhou-2025');
  assert.deepEqual(page.problems, []);
});

test('switching questionnaire starts an empty assessment and offers the shared answers, carried only when asked', async () => {
  const page = await openApp(app.browser, app.server.url);
  await openLibrary(page);
  await page.fill('#firm-name', '乙厂');
  await page.fill('#assessment-round', 'T0');
  await page.fill('#q-key_processes', '40');
  await page.fill('#q-cnc_key_processes', '30');
  assert.equal(await page.isVisible('#carry-over'), false, 'nothing to offer before a switch');
  await chooseQuestionnaire(page, 'sme-digital-level');
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
  // The default is unchanged: a new, empty assessment for the same firm and round.
  assert.equal(await page.inputValue('#firm-name'), '乙厂');
  assert.equal(await page.inputValue('#assessment-round'), 'T0');
  assert.match(await cell(page, 'cnc_rate', 'value'), /待填写|To be filled/);
  assert.equal(await page.innerText('#carry-over'), '带入两份问卷共有的 2 项答案');
  await page.click('#carry-over');
  assert.equal(await cell(page, 'cnc_rate', 'value'), '75.0%');
  assert.equal(await page.isVisible('#carry-over'), false, 'offered once');
  // The quick check's assessment stays as it was.
  await page.click('.assessment:has-text("速测") button:has-text("打开")');
  await page.waitForFunction(() => document.getElementById('questionnaire')?.value === 'headline-quick');
  assert.equal(await page.inputValue('#q-key_processes'), '40');
  // Switching again, and not carrying: the offer goes with the next assessment opened.
  await chooseQuestionnaire(page, 'cmmm-self-diagnosis');
  assert.equal(await page.isVisible('#carry-over'), false, 'the CMMM questionnaire shares no item with the quick check');
  assert.deepEqual(page.problems, []);
});
