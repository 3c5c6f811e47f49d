// The consultant's exchange in the desk (issue 19 item 5): many answers files imported at
// once (chosen together, or dropped), each recognised when imported again and a changed one
// asked about before it replaces the saved one; everything exported as one bundle that
// imports back exactly; the portfolio table as CSV (UTF-8 with a byte-order mark) and as
// XLSX (real numbers), the XLSX written in a worker of its own that works offline too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, openLibrary, useApp } from './support.mjs';
import { axeViolations, describeViolations } from './axe.mjs';

const app = useApp();
const FIRMS = 50;

/** An answers file of the quick check for firm `i`, its figures varied with `i`. */
function answersFile(i, { cnc } = {}) {
  const keyProcesses = 10 + (i % 17);
  const pad = String(i).padStart(2, '0');
  return JSON.stringify({
    format: 'shuzhuan-answers',
    format_version: 1,
    questionnaire: { id: 'headline-quick', version: '1.1.0' },
    firm: { name: `测试企业${pad}`, region: i % 2 ? '江苏省泰州市' : '浙江省宁波市' },
    target_profile: null,
    answers: {
      values: {
        key_processes: { typed: String(keyProcesses) },
        cnc_key_processes: { typed: String(cnc ?? (i * 7) % (keyProcesses + 1)) },
        rd_staff: { typed: String(5 + i) },
        rd_staff_with_tools: { typed: String(i % (6 + i)) },
      },
    },
    created_at: `2026-01-01T08:${pad}:00.000Z`,
    updated_at: `2026-01-02T08:${pad}:00.000Z`,
    round: 'T0',
    assessed_on: '2026-03-01',
  }, null, 2);
}

const dir = mkdtempSync(join(tmpdir(), 'shuzhuan-exchange-'));
const write = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const fifty = Array.from({ length: FIRMS }, (_, i) => write(`firm-${String(i + 1).padStart(2, '0')}.json`, answersFile(i + 1)));
const unknown = write('unknown.json', answersFile(99).replace('"headline-quick"', '"no-such-questionnaire"'));
const broken = write('broken.json', '{ "format": "shuzhuan-answers", ');

const notice = (page) => page.innerText('.notice');
/** Waits for a notice that contains `text` (the last one replaces the one before). */
const noticeWith = (page, text) => page.waitForFunction((t) => document.querySelector('.notice')?.innerText.includes(t), text);
const rows = (page) => page.locator('.assessment').count();
const rowTexts = (page) =>
  page.$$eval('.assessment', (trs) => trs.map((tr) => [tr.querySelector('strong')?.textContent, ...[...tr.querySelectorAll('td[data-label]')].map((td) => td.textContent)].join(' | ')).sort());

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(click)]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

/** The first sheet of a workbook, as the XML it holds (Python's zipfile). */
function sheetXml(path) {
  return execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode())', path], { encoding: 'utf8' });
}

test('fifty files at once, again, a changed one, a drop, the bundle round trip, CSV and XLSX', async () => {
  const page = await openApp(app.browser, app.server.url);
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => d.accept());
  await openLibrary(page);

  // 50 answers files, one of an unknown questionnaire and one broken JSON, chosen together.
  await page.setInputFiles('#import-answers', [...fifty, unknown, broken]);
  await noticeWith(page, `已导入 ${FIRMS} 份评估`);
  await page.waitForFunction((n) => document.querySelectorAll('.assessment').length === n, FIRMS);
  assert.match(await notice(page), /2 份文件未导入/);
  const refused = await page.locator('.notice-list li').allInnerTexts();
  assert.equal(refused.length, 2, refused.join('\n'));
  assert.match(refused[0], /^unknown\.json：答卷所用的问卷“no-such-questionnaire”不在本机，未导入$/);
  assert.match(refused[1], /^broken\.json：.*未导入$/);

  // The same 50 again: each already there, nothing added.
  await page.setInputFiles('#import-answers', fifty);
  await noticeWith(page, `${FIRMS} 份评估已在本机`);
  assert.equal(await rows(page), FIRMS);

  // Firm 07 open in the form, then a file of it with another CNC figure: asked, replaced,
  // and the form shows the new answer.
  const seven = page.locator('.assessment:has(strong:text-is("测试企业07"))');
  await seven.locator('button:has-text("打开")').click();
  await page.waitForFunction(() => document.getElementById('firm-name')?.value === '测试企业07');
  const before = await page.inputValue('#q-cnc_key_processes');
  const changed = write('firm-07-changed.json', answersFile(7, { cnc: 3 }));
  assert.notEqual(before, '3');
  await page.setInputFiles('#import-answers', changed);
  await page.waitForSelector('.import-conflicts');
  assert.match(await notice(page), /1 份评估与本机已有的不同/);
  const conflict = await page.innerText('.conflict');
  assert.match(conflict, /测试企业07/);
  assert.match(conflict, /1 个答案不同/);
  const v = await axeViolations(page);
  assert.equal(v.length, 0, describeViolations('the conflicts', v));
  await page.click('.conflict button:has-text("替换")');
  await page.waitForFunction(() => document.getElementById('q-cnc_key_processes')?.value === '3');
  await noticeWith(page, '已用 firm-07-changed.json 替换');
  assert.equal(await page.locator('.import-conflicts').count(), 0);
  assert.equal(await rows(page), FIRMS);

  // A file dropped on the drop zone (a DataTransfer built in the page): firm 01, already there.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    document.querySelector('.drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, answersFile(1));
  await noticeWith(page, '1 份评估已在本机');

  // Everything as one bundle; every assessment deleted; the bundle imported: the same rows.
  const shown = await rowTexts(page);
  const bundle = await download(page, '#export-bundle');
  assert.match(bundle.name, /^数转-全部评估-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(readFileSync(bundle.path, 'utf8')).assessments.length, FIRMS);
  // Deleted from a page of the same origin that is not the app, so that no save on leaving
  // the app's page can write one back.
  await page.goto(new URL('manifest.webmanifest', app.server.url).href);
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('shuzhuan.assessment.')) localStorage.removeItem(k);
  });
  await page.goto(app.server.url);
  await page.waitForSelector('.section-nav');
  await openLibrary(page);
  // None of the firms is left (a fresh page's own empty assessment may be listed).
  assert.equal(await page.locator('.assessment strong', { hasText: '测试企业' }).count(), 0);
  await page.setInputFiles('#import-answers', bundle.path);
  await noticeWith(page, `已导入 ${FIRMS} 份评估`);
  await page.waitForFunction((n) => document.querySelectorAll('.assessment').length === n, FIRMS);
  assert.deepEqual(await rowTexts(page), shown, 'the bundle imports back exactly');

  // The portfolio as CSV: a byte-order mark, the Chinese intact, a line a firm and the heading.
  const csv = await download(page, '#portfolio-export-csv');
  assert.match(csv.name, /^数转-评估一览-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(csv.path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n').filter((l) => l !== '');
  assert.equal(lines.length, FIRMS + 1);
  assert.match(lines[0], /^企业,地区,行业/);
  assert.ok(lines.some((l) => l.startsWith('测试企业07,江苏省泰州市,')), lines.slice(0, 3).join('\n'));

  // …and as XLSX, from the XLSX worker: a workbook whose sheet holds numbers.
  const xlsx = await download(page, '#portfolio-export-xlsx');
  assert.match(xlsx.name, /\.xlsx$/);
  assert.equal(readFileSync(xlsx.path).subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
  const sheet = sheetXml(xlsx.path);
  assert.equal((sheet.match(/<row /g) ?? []).length, FIRMS + 1);
  assert.ok((sheet.match(/<c r="H\d+"[^>]*><v>[0-9.]+<\/v>/g) ?? []).length >= FIRMS, 'completeness as numbers');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the XLSX worker is fetched only for an XLSX export, and works offline after the first visit', async () => {
  const page = await openApp(app.browser, app.server.url);
  const asked = [];
  page.on('request', (r) => /shuzhuan-xlsx|xlsx-worker/.test(r.url()) && asked.push(new URL(r.url()).pathname));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('shuzhuan-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const f of ['/xlsx-worker.js', '/shuzhuan-xlsx.js', '/shuzhuan-xlsx_bg.wasm']) assert.ok(cached.includes(f), `${f} is precached`);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('.section-nav');
  await openLibrary(page);
  await page.setInputFiles('#import-answers', fifty.slice(0, 3));
  await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 3);
  assert.deepEqual(asked, [], 'nothing of the XLSX worker before the first XLSX export');
  const xlsx = await download(page, '#portfolio-export-xlsx');
  assert.equal((sheetXml(xlsx.path).match(/<row /g) ?? []).length, 4);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
