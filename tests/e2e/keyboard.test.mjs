// Keyboard only: a firm fills whole questionnaires with Tab, Shift+Tab, Space, Enter,
// arrow keys and typing — never a click — and sees its figures; focus is always visible;
// and at 200 % zoom (and 400 %, the WCAG reflow width) nothing scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, cell, useApp, chooseQuestionnaire, showFirmFields } from './support.mjs';

const app = useApp();

/** A short description of the focused element, for messages. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.type ? `[type=${el.type}]` : ''}`;
  });
}

/** The focus ring of the focused element: its outline and whether :focus-visible matches. */
function focusRing(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    return {
      // A date field is focused in its inner parts; on its calendar button it is only
      // :focus-within, and the stylesheet rings it so.
      focusVisible: el.matches(':focus-visible') || (el.type === 'date' && el.matches(':focus-within')),
      style: s.outlineStyle,
      width: parseFloat(s.outlineWidth),
      color: s.outlineColor,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`, checking
 * on the way that every element reached shows a focus ring. Fails after `max` presses.
 */
async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  const path = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const here = await focused(page);
    path.push(here);
    if (here !== 'body') {
      const ring = await focusRing(page);
      assert.ok(ring.focusVisible && ring.style !== 'none' && ring.width >= 2,
        `${here} has no visible focus ring: ${JSON.stringify(ring)}`);
    }
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  assert.fail(`${selector} not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses: ${path.join(' → ')}`);
}

/** Types into the focused field, replacing what is there, with keys only. */
async function typeHere(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Presses a key on the focused <select> until its value is `value`. */
async function arrowSelect(page, value, key = 'ArrowDown', max = 12) {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement.value)) === value) return;
    await page.keyboard.press(key);
  }
  assert.equal(await page.evaluate(() => document.activeElement.value), value);
}

async function expectFocus(page, selector) {
  await page.waitForFunction((sel) => document.activeElement?.matches(sel), selector);
}

test('keyboard only: the whole headline quick check, from the first Tab to the figures', async () => {
  const page = await openApp(app.browser, app.server.url);

  await tabTo(page, '#firm-name');
  await page.keyboard.type('泰州精工机械有限公司');
  await tabTo(page, '#profile');
  await arrowSelect(page, 'taizhou-2025');

  await tabTo(page, '#q-key_processes');
  await page.keyboard.type('41'); // a slip, put right below with Shift+Tab
  await tabTo(page, '#q-cnc_key_processes');
  await page.keyboard.type('22');
  await tabTo(page, '#q-key_processes', { back: true });
  await typeHere(page, '40');

  // Enter on "next section": focus lands on the new section's heading.
  await tabTo(page, '#next-section');
  await page.keyboard.press('Enter');
  await expectFocus(page, '#section-1-heading');
  await tabTo(page, '#q-mgmt_functions');
  await page.keyboard.type('8');
  await tabTo(page, '#q-mgmt_functions_digital');
  await page.keyboard.type('6');
  // Space on "next section" works too.
  await tabTo(page, '#next-section');
  await page.keyboard.press('Space');
  await expectFocus(page, '#section-2-heading');
  await tabTo(page, '#q-rd_staff');
  await page.keyboard.type('30');
  await tabTo(page, '#q-rd_staff_with_tools');
  await page.keyboard.type('27');

  assert.equal(await page.inputValue('#q-rd_staff_with_tools'), '27');
  assert.equal(await page.innerText('#progress-text'), '已填写 6/6 项');
  // Taizhou 2025: CNC 65 %, R&D tools 90 %; national management target 80 %.
  assert.equal(await cell(page, 'cnc_rate', 'value'), '55.0%');
  assert.match(await cell(page, 'cnc_rate', 'target'), /^65%\n泰州市重点企业/);
  assert.equal(await cell(page, 'cnc_rate', 'gap'), '低于目标 10.0 个百分点');
  assert.equal(await cell(page, 'mgmt_digital_rate', 'value'), '75.0%');
  assert.equal(await cell(page, 'rd_tool_rate', 'value'), '90.0%');
  assert.equal(await cell(page, 'rd_tool_rate', 'gap'), '恰好达到目标');

  // Back to the first section with the section list, then the report, by keyboard.
  await tabTo(page, '#nav-section-0', { back: true });
  await page.keyboard.press('Enter');
  await expectFocus(page, '#section-0-heading');
  assert.equal(await page.inputValue('#q-key_processes'), '40');
  await tabTo(page, '#toggle-report', { back: true });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.report-firm');
  assert.equal(await page.innerText('.report-firm'), '泰州精工机械有限公司');
  assert.equal(await cell(page, 'cnc_rate', 'value', '.report'), '55.0%');
  assert.deepEqual(page.problems, []);
});

test('keyboard only: the first section of the SME questionnaire, with radio groups by arrow keys', async () => {
  const page = await openApp(app.browser, app.server.url);
  await tabTo(page, '#questionnaire');
  await arrowSelect(page, 'sme-digital-level');
  await page.waitForSelector('#q-equip_total');

  // Networks: two ticked with Space.
  await tabTo(page, '#q-network');
  await page.keyboard.press('Space');
  await tabTo(page, '#field-network [data-option="enterprise"] input');
  await page.keyboard.press('Space');
  // Equipment: the two conditional counts appear once there is equipment.
  await tabTo(page, '#q-equip_total');
  await page.keyboard.type('20');
  await tabTo(page, '#q-equip_digital');
  await page.keyboard.type('8');
  await tabTo(page, '#q-equip_networked');
  await page.keyboard.type('5');
  // Data capture: two areas.
  await tabTo(page, '#q-auto_data_capture');
  await page.keyboard.press('Space');
  await tabTo(page, '#field-auto_data_capture [data-option="production_control"] input');
  await page.keyboard.press('Space');
  // System coverage: a radio group. Tab enters it, arrows move and choose.
  await tabTo(page, '#q-system_coverage');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'input#q-system_coverage-two_or_more[type=radio]');
  // Tab leaves the group at once: the next stop is the first security measure.
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'input#q-network_security[type=checkbox]');
  await page.keyboard.press('Space');
  await tabTo(page, '#q-data_security-none');
  await page.keyboard.press('Space');

  assert.equal(await page.isChecked('#q-system_coverage-two_or_more'), true);
  assert.equal(await page.isChecked('#q-system_coverage'), false);
  assert.equal(await page.isChecked('#field-network [data-option="5g"] input'), false);
  assert.equal(await page.innerText('#q-equip_digital_ratio-value'), '40.0%');
  assert.equal(await page.innerText('#q-equip_network_ratio-value'), '25.0%');
  assert.equal(await cell(page, 'equip_digital_rate', 'value'), '40.0%');
  assert.equal(await cell(page, 'equip_network_rate', 'value'), '25.0%');
  const [done, all] = (await page.innerText('#nav-section-0 .count')).split('/').map(Number);
  assert.equal(done, all, 'every item of the first section is answered');
  assert.deepEqual(page.problems, []);
});

test('focus is visible on every kind of control, also on the dark app bar', async () => {
  const page = await openApp(app.browser, app.server.url);
  // The app bar's buttons sit on dark blue: their ring must not be the page's orange.
  await tabTo(page, '#toggle-report');
  const bar = await focusRing(page);
  assert.equal(bar.color, 'rgb(255, 255, 255)');
  await tabTo(page, '#toggle-lang');
  await tabTo(page, '#questionnaire');
  const field = await focusRing(page);
  assert.ok(field.width >= 3 && field.style === 'solid', JSON.stringify(field));
  assert.notEqual(field.color, 'rgb(255, 255, 255)');
  // The walk through the whole page checks every stop on the way.
  await tabTo(page, '#next-section', { max: 120 });
  await tabTo(page, '#nav-section-2', { back: true, max: 120 });
  assert.deepEqual(page.problems, []);
});

/** What scrolls sideways, if anything: the page's widths and the widest offenders. */
function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && el.getClientRects().length > 0)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: limit, wide };
  });
}

/** Screens to check for sideways scrolling, each reached from a fresh page. */
const SCREENS = [
  ['headline quick check, first section', async () => {}],
  ['headline quick check with results and an error', async (page) => {
    await showFirmFields(page);
    await page.fill('#firm-name', '泰州精工机械有限公司 Taizhou Precision Machinery Co., Ltd.');
    await page.fill('#q-key_processes', '40');
    await page.fill('#q-cnc_key_processes', '99');
  }],
  ['SME questionnaire, scenarios', async (page) => {
    await chooseQuestionnaire(page, 'sme-digital-level');
    await page.click('#nav-section-3');
    await page.waitForSelector('#section-3-heading');
  }],
  ['SME questionnaire, first section in English', async (page) => {
    await page.click('#toggle-lang');
    await chooseQuestionnaire(page, 'sme-digital-level');
    await page.fill('#q-equip_total', '20');
  }],
  ['CMMM self-diagnosis', async (page) => {
    await chooseQuestionnaire(page, 'cmmm-self-diagnosis');
    await page.click('#nav-section-1');
  }],
  ['report preview', async (page) => {
    await showFirmFields(page);
    await page.fill('#firm-name', '泰州精工机械有限公司');
    await page.fill('#q-key_processes', '40');
    await page.fill('#q-cnc_key_processes', '22');
    await page.click('#toggle-report');
    await page.waitForSelector('.report-firm');
  }],
  ['report preview in English', async (page) => {
    await page.click('#toggle-lang');
    await page.click('#toggle-report');
    await page.waitForSelector('.report-firm');
  }],
];

for (const [zoom, size] of [
  ['200 % zoom (1280×900 window, 640×450 CSS px)', { width: 640, height: 450 }],
  ['400 % zoom (WCAG reflow, 320 CSS px wide)', { width: 320, height: 256 }],
]) {
  test(`at ${zoom} nothing overflows horizontally`, async () => {
    const problems = [];
    for (const [name, setUp] of SCREENS) {
      const context = await app.browser.newContext({ viewport: size, deviceScaleFactor: 2 });
      const page = await context.newPage();
      await page.goto(app.server.url);
      await page.waitForSelector('.section-nav');
      await setUp(page);
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const o = await horizontalOverflow(page);
      if (o.scrollWidth > o.clientWidth) {
        problems.push(`${name}: scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}; widest: ${o.wide.join(', ')}`);
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}
