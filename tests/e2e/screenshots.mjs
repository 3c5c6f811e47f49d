// Regenerates the screenshots in docs/screenshots/ from the release build in dist/:
//   source scripts/env.sh && trunk build --release && node tests/e2e/screenshots.mjs [out-dir]
// Not part of the test command; run it after a visible change and look at the pictures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveDist, launchBrowser, openApp, ROOT, chooseQuestionnaire, printReport, importAnswers, fillQuickFirm } from './support.mjs';

const OUT = resolve(process.argv[2] ?? join(ROOT, 'docs/screenshots'));
mkdirSync(OUT, { recursive: true });

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

const fillTypicalFirm = (page) => fillQuickFirm(page, '泰州精工机械有限公司');

async function settle(page) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  // Screenshots start at the top, not wherever the last focus scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The screens, each as a function of a fresh page; `full` shoots the whole page. */
const SCREENS = {
  // The first thing a firm sees: setup, the section list and the first section.
  async questionnaire(page) {
    await page.fill('#q-key_processes', '40');
  },
  // The SME questionnaire's scenario section: level questions with long descriptions.
  async 'sme-scenarios'(page) {
    await chooseQuestionnaire(page, 'sme-digital-level');
    await page.click('#nav-section-3');
    await page.waitForSelector('#section-3-heading');
    await page.check('#section-scenarios input[type="radio"] >> nth=2');
    await page.evaluate(() => {
      document.querySelector('#section-3-heading').scrollIntoView();
      window.scrollBy(0, -12);
    });
    return { full: false, scrolled: true };
  },
  async results(page, size) {
    await fillTypicalFirm(page);
    return { element: '.results', full: size.width >= 960 };
  },
  async report(page) {
    await fillTypicalFirm(page);
    await page.click('#toggle-report');
    await page.waitForSelector('.report-firm');
  },
  // The SME dashboard of the golden mixed firm: score, level, dimensions, advice.
  async 'sme-dashboard'(page) {
    await importAnswers(page, join(ROOT, 'tests/answers/mixed-firm.json'));
    await page.waitForSelector('#score-total');
    return { element: '.results' };
  },
  // "My assessments" open: the desk's table (its own stylesheet, assets/desk.css), two firms.
  async portfolio(page) {
    await fillTypicalFirm(page);
    await importAnswers(page, join(ROOT, 'tests/answers/mixed-firm.json'));
    await page.waitForSelector('#score-total');
    await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 2);
    return { element: '#library' };
  },
  async english(page) {
    await page.click('#toggle-lang');
    await page.fill('#q-key_processes', '40');
    await page.fill('#q-cnc_key_processes', '22');
  },
};

const server = await serveDist();
const browser = await launchBrowser();
try {
  for (const [name, setUp] of Object.entries(SCREENS)) {
    for (const size of [PHONE, DESKTOP]) {
      const page = await openApp(browser, server.url, size);
      const how = (await setUp(page, size)) ?? {};
      if (name === 'results' && size.width >= 960) {
        await page.context().close();
        continue; // on a desktop the results sit beside the questionnaire: see questionnaire-1280
      }
      if (!how.scrolled) await settle(page);
      else await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const path = join(OUT, `${name}-${size.width}.png`);
      if (how.element) await page.locator(how.element).screenshot({ path });
      else await page.screenshot({ path, fullPage: how.full ?? (size.width >= 960 || name === 'questionnaire') });
      if (page.problems.length) throw new Error(`${name}: ${page.problems.join('; ')}`);
      console.log(path);
      await page.context().close();
    }
  }
  // Every page of the printed SME report, in Chinese and in English.
  for (const lang of ['zh', 'en']) {
    const page = await openApp(browser, server.url, DESKTOP);
    await importAnswers(page, join(ROOT, 'tests/answers/mixed-firm.json'));
    await page.waitForSelector('#score-total');
    if (lang === 'en') await page.click('#toggle-lang');
    await page.click('#toggle-report');
    await page.fill('#consultant-name', lang === 'zh' ? '王工' : 'Wang Gong');
    await page.fill('#consultant-org', lang === 'zh' ? '泰州数字化服务中心' : 'Taizhou Digital Services Centre');
    const pdf = join(OUT, `report-${lang}.pdf`);
    await printReport(page, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, join(OUT, `report-${lang}-page`)]);
    rmSync(pdf);
    console.log(`${OUT}/report-${lang}-page-*.png`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
