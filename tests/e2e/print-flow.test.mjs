// The report is drawn by the desk (the second wasm), not the app: these tests print it every
// way a user can — the preview, the "print report" button, the browser's own print command
// once the desk has been loaded in advance, and Ctrl+P before the desk has arrived — and check
// that the page printed holds the report of the assessment as it is in the form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, useApp, fillQuickFirm, printReport, pdfText, OUTPUT, ROOT } from './support.mjs';

const app = useApp();
const DESK_WASM = /shuzhuan-desk_bg\.wasm/;

/** Replaces window.print with a counter (a headless browser has no print dialog). */
async function countPrints(page) {
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  });
}

test('the desk is loaded after the first answers, and the browser print command then prints the report', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  await fillQuickFirm(page, '泰州精工机械有限公司');
  // Loaded in advance (two seconds after the first answer), its library folded away.
  await page.waitForSelector('#desk-root .desk', { state: 'attached' });
  assert.equal(await page.locator('.report').count(), 0, 'no report while the form is shown');
  // What Ctrl+P or the browser menu does: `beforeprint`, then the page is laid out for print.
  const firm = await page.evaluate(async () => {
    dispatchEvent(new Event('beforeprint'));
    await new Promise((r) => setTimeout(r, 0));
    return document.querySelector('.report .report-firm')?.textContent;
  });
  assert.equal(firm, '泰州精工机械有限公司', 'the report is in the page before printing starts');
  const pdf = join(OUTPUT, 'print-flow-beforeprint.pdf');
  await page.emulateMedia({ media: 'print' });
  await printReport(page, pdf);
  await page.emulateMedia({ media: null });
  const text = pdfText(pdf);
  assert.match(text, /泰州精工机械有限公司/);
  assert.match(text, /关键工序数控化率/);
  assert.doesNotMatch(text, /报告尚未准备好/);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => !document.querySelector('.report'));
  assert.equal(await page.inputValue('#q-rd_staff_with_tools'), '27', 'back to the form as it was');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Ctrl+P before the desk has arrived loads it and prints the report once drawn', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  // The desk's download is held back until the key has been pressed.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(DESK_WASM, async (route) => {
    await held;
    await route.continue();
  });
  await fillQuickFirm(page, '常州示例电机有限公司');
  await countPrints(page);
  await page.keyboard.press('Control+p');
  release();
  await page.waitForFunction(() => window.printed === 1);
  assert.equal(await page.innerText('.report .report-firm'), '常州示例电机有限公司');
  assert.equal(await page.inputValue('#q-rd_staff_with_tools'), '27', 'the form is untouched');
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => !document.querySelector('.report'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"print report" prints the report as the form has it, from the form and from the preview', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  await countPrints(page);
  await page.fill('#q-key_processes', '40');
  await page.fill('#q-cnc_key_processes', '22');
  await page.click('#print-report');
  await page.waitForFunction(() => window.printed === 1);
  assert.equal(await page.innerText('.report tr[data-indicator="cnc_rate"] .value'), '55.0%');
  // Back to the form, change an answer, print from the preview: the report follows.
  await page.click('#toggle-report');
  await page.fill('#q-cnc_key_processes', '30');
  await page.click('#toggle-report');
  await page.waitForFunction(() => document.querySelector('.report tr[data-indicator="cnc_rate"] .value')?.textContent === '75.0%');
  await page.click('#print-report');
  await page.waitForFunction(() => window.printed === 2);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a report the desk cannot be downloaded for says so in the preview, with a retry', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  const block = (route) => route.abort();
  await page.route(DESK_WASM, block);
  await page.click('#toggle-report');
  await page.waitForSelector('.report-slot-status .desk-failed');
  assert.match(await page.innerText('.report-slot-status .desk-failed'), /报告没能加载.*请检查网络连接/s);
  await page.unroute(DESK_WASM, block);
  await page.click('.report-slot-status .desk-retry');
  await page.waitForSelector('.report .report-firm');
  assert.equal(await page.locator('.report-slot-status .desk-failed').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the consultant\'s logo goes on the cover, is kept for the next report, and a file that is no image is refused', async () => {
  const page = await openApp(app.browser, app.server.url, { serviceWorkers: 'block' });
  await page.click('#toggle-report');
  await page.setInputFiles('#consultant-logo', join(ROOT, 'assets/icons/icon-192.png'));
  await page.waitForSelector('.report-cover img[src^="data:image/png;base64,"]');
  await page.setInputFiles('#consultant-logo', join(ROOT, 'README.md'));
  await page.waitForFunction(() => /不是 PNG、JPEG、GIF、WebP 或 SVG 图片/.test(document.getElementById('logo-problem')?.textContent));
  assert.equal(await page.locator('.report-cover img').count(), 1, 'the logo kept stays on the cover');
  // Kept on this device: the next visit's report has it.
  await page.reload();
  await page.waitForSelector('.section-nav');
  await page.click('#toggle-report');
  await page.waitForSelector('.report-cover img[src^="data:image/png;base64,"]');
  await page.click('#remove-logo');
  await page.waitForFunction(() => !document.querySelector('.report-cover img'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
