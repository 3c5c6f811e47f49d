// Accessibility: axe-core on every screen of the real app, on a desktop and a phone
// width. Any violation fails the test and is printed with its rule, impact and elements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useApp, chooseQuestionnaire, showFirmFields, showSetup } from './support.mjs';
import { axeViolations, describeViolations } from './axe.mjs';

const app = useApp();

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 360, height: 780 },
];

/** Collects the violations of each screen visited; fails once, listing all of them. */
function auditor(page, size) {
  const found = [];
  return {
    async check(where) {
      const v = await axeViolations(page);
      if (v.length > 0) found.push(describeViolations(`${where} at ${size.width} px`, v));
    },
    done() {
      assert.deepEqual(page.problems, []);
      assert.equal(found.length, 0, `\n${found.join('\n\n')}`);
    },
  };
}

async function showSection(page, n) {
  await page.click(`#nav-section-${n}`);
  await page.waitForSelector(`#section-${n}-heading`);
}

const QUESTIONNAIRES = [
  { id: 'headline-quick', sections: [0, 1, 2] },
  { id: 'sme-digital-level', sections: [0, 1, 2, 3, 4] },
  { id: 'cmmm-self-diagnosis', sections: [0, 1, 3] },
];

for (const size of WIDTHS) {
  test(`axe: the default questionnaire, first section, at ${size.width} px`, async () => {
    const page = await openApp(app.browser, app.server.url, size);
    const audit = auditor(page, size);
    await audit.check('first section, empty');
    // The "load a file" panel open.
    await showSetup(page);
    await page.click('.load-file summary');
    await audit.check('load-file panel open');
    // "My assessments" open, with an assessment in the list.
    await showFirmFields(page);
    await page.fill('#firm-name', '测试企业');
    await page.click('#library-summary');
    await page.waitForSelector('.assessment');
    await audit.check('my assessments open');
    audit.done();
  });

  test(`axe: each built-in questionnaire, several sections, at ${size.width} px`, async () => {
    const page = await openApp(app.browser, app.server.url, size);
    const audit = auditor(page, size);
    for (const q of QUESTIONNAIRES) {
      await chooseQuestionnaire(page, q.id);
      if (q.id === 'sme-digital-level') {
        // Reveal the conditional counts and the computed ratios, and choose a level.
        await page.fill('#q-equip_total', '20');
        await page.fill('#q-equip_digital', '8');
        await page.check('#q-network');
      }
      if (q.id === 'cmmm-self-diagnosis') {
        await page.check('.workspace section.section:not(.setup) input[type="radio"] >> nth=1');
      }
      for (const s of q.sections) {
        await showSection(page, s);
        await audit.check(`${q.id} section ${s}`);
      }
    }
    audit.done();
  });

  test(`axe: field errors showing, at ${size.width} px`, async () => {
    const page = await openApp(app.browser, app.server.url, size);
    const audit = auditor(page, size);
    await page.fill('#q-key_processes', 'abc');
    await page.waitForSelector('#q-key_processes-error:not(:empty)');
    await audit.check('a count that is not a number');
    await page.fill('#q-key_processes', '10');
    await page.fill('#q-cnc_key_processes', '12');
    await page.waitForSelector('#q-cnc_key_processes-error:not(:empty)');
    await audit.check('a part above its whole');
    audit.done();
  });

  test(`axe: the English interface, at ${size.width} px`, async () => {
    const page = await openApp(app.browser, app.server.url, size);
    const audit = auditor(page, size);
    await page.click('#toggle-lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.fill('#q-key_processes', '40');
    await page.fill('#q-cnc_key_processes', '22');
    await audit.check('English, headline quick check');
    await chooseQuestionnaire(page, 'sme-digital-level');
    await showSection(page, 3);
    await audit.check('English, SME scenarios');
    await page.click('#toggle-report');
    await page.waitForSelector('.report-firm');
    await audit.check('English, report preview');
    audit.done();
  });

  test(`axe: the report preview, at ${size.width} px`, async () => {
    const page = await openApp(app.browser, app.server.url, size);
    const audit = auditor(page, size);
    await page.click('#toggle-report');
    await page.waitForSelector('.report-firm');
    await audit.check('report preview, nothing filled in');
    await page.click('#toggle-report');
    await showFirmFields(page);
    await page.fill('#firm-name', '泰州精工机械有限公司');
    await page.fill('#q-key_processes', '40');
    await page.fill('#q-cnc_key_processes', '22');
    await showSection(page, 2);
    await page.fill('#q-rd_staff', '30');
    await page.fill('#q-rd_staff_with_tools', '27');
    await page.click('#toggle-report');
    await page.waitForSelector('.report-firm');
    await audit.check('report preview, filled in');
    audit.done();
  });

  test(`axe: notices and the errors of a bad questionnaire file, at ${size.width} px`, async () => {
    const page = await openApp(app.browser, app.server.url, size);
    const audit = auditor(page, size);
    await page.evaluate(() => localStorage.setItem('shuzhuan.assessment.broken', '{not json'));
    await page.reload();
    await page.waitForSelector('.notice');
    await audit.check('the "saved data unreadable" notice');
    await showSetup(page);
    await page.click('.load-file summary');
    await page.setInputFiles('#questionnaire-file', {
      name: 'broken.toml',
      mimeType: 'text/plain',
      buffer: Buffer.from('id = "x"\nversion = 1\n[[sections]]\nid = 3\n'),
    });
    await page.waitForSelector('.load-errors .error-list li');
    await audit.check('errors of a questionnaire file that did not load');
    audit.done();
  });
}
