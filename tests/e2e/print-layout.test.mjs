// The printed report read back from the PDF, as a general manager gets it: the SME, CMMM
// and quick-check reports in Chinese and English, printed to A4 and read page by page
// (pdftotext -layout for the words, pdftoppm for how full each page is).
//   PRINT_SHOTS=/tmp/dir keeps each report's pages as PNG images to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, ROOT, OUTPUT, useApp, chooseQuestionnaire, importAnswers, printReport, showFirmFields, fillQuickFirm } from './support.mjs';

const app = useApp();

// A4 in points and the page margins of assets/desk.css (@page: 16mm 15mm 18mm).
const MM = 72 / 25.4;
const PAGE_H = 297 * MM;
const TOP = 16 * MM;
const BOTTOM = 18 * MM;

/** Words that belong in a draft or our own files, never on a client's page. */
const DRAFT = [/待核实/, /working assumption/i, /\bseries\b/i, /\bTODO\b/, /unverified/i, /工作假设/, /数转 working/];

/** Fills each questionnaire the way a typical firm would answer it. */
const FIRMS = {
  async 'sme-digital-level'(page) {
    await importAnswers(page, join(ROOT, 'tests/answers/mixed-firm.json'));
    await page.waitForSelector('#score-total');
  },
  async 'cmmm-self-diagnosis'(page) {
    await chooseQuestionnaire(page, 'cmmm-self-diagnosis');
    await showFirmFields(page);
    await page.fill('#firm-name', '常州示例电机有限公司');
    const sections = await page.locator('.section-nav .section-link').count();
    for (let s = 0; s < sections; s += 1) {
      await page.click(`#nav-section-${s}`);
      await page.waitForSelector(`#section-${s}-heading`);
      // Levels 1 to 4 in turn over the sub-domains: a firm with strong and weak areas.
      const names = await page.$$eval('.workspace section.section:not(.setup) input[type="radio"]', (inputs) => [...new Set(inputs.map((i) => i.name))]);
      for (const [n, name] of names.entries()) {
        await page.check(`.workspace input[type="radio"][name="${name}"] >> nth=${(n % 4) + 1}`);
      }
    }
    await page.waitForSelector('#score-total');
  },
  'headline-quick': (page) => fillQuickFirm(page, '常州示例电机有限公司'),
};

/** How far down each page the print reaches, as a share of the page's content height. */
function pageFill(pdf, dir) {
  const prefix = join(dir, 'fill');
  execFileSync('pdftoppm', ['-gray', '-r', '24', pdf, prefix]);
  const pages = readdirSync(dir).filter((f) => f.startsWith('fill')).sort();
  return pages.map((f) => {
    const bytes = readFileSync(join(dir, f));
    // PGM (P5): a text header of magic, width, height and maximum, then one byte a pixel.
    const header = bytes.subarray(0, 40).toString('latin1').split(/\s+/);
    const [w, h] = [Number(header[1]), Number(header[2])];
    const start = bytes.length - w * h;
    const top = Math.ceil((TOP / PAGE_H) * h);
    const bottom = Math.floor(((PAGE_H - BOTTOM) / PAGE_H) * h);
    let last = top;
    for (let y = top; y < bottom; y += 1) {
      const row = bytes.subarray(start + y * w, start + (y + 1) * w);
      if (row.some((v) => v < 200)) last = y;
    }
    return (last - top) / (bottom - top);
  });
}

/** Each page's text as laid out, with its lines trimmed and the empty ones dropped. */
function pageLines(pdf) {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1).map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
}

/**
 * What the report's charts say about their labels at print size: each text's size in
 * points (the SVG's scale on an A4 page times its font size) and whether it lies inside
 * the drawing; the names the rows give them.
 */
async function chartLabels(page) {
  return page.$$eval('.report figure.chart svg', (svgs) =>
    svgs.map((svg) => {
      const box = svg.viewBox.baseVal;
      const scale = svg.getBoundingClientRect().width / box.width;
      const texts = [...svg.querySelectorAll('text')].map((t) => {
        const b = t.getBBox();
        const size = parseFloat(getComputedStyle(t).fontSize) * scale * 0.75;
        const inside = b.x >= box.x - 0.5 && b.y >= box.y - 0.5 && b.x + b.width <= box.x + box.width + 0.5 && b.y + b.height <= box.y + box.height + 0.5;
        return { text: t.textContent.trim(), size, inside };
      });
      return { chart: svg.getAttribute('class'), texts };
    }),
  );
}

/** The text around `at`, to show where a problem is. */
const around = (text, at) => text.slice(Math.max(0, at - 30), at + 20).replace(/\s+/g, ' ');

const CASES = [];
for (const id of ['sme-digital-level', 'cmmm-self-diagnosis', 'headline-quick']) {
  for (const lang of ['zh', 'en']) CASES.push({ id, lang });
}
// Page bounds for these firms (English runs longer): the cover, the summary, the detail
// and the appendix of every answer. The layout before these rules printed 11 and 14
// pages for the SME report, 16 for the CMMM one in English and 5 for the quick check.
const MAX_PAGES = {
  'sme-digital-level': { zh: 10, en: 12 },
  'cmmm-self-diagnosis': { zh: 8, en: 12 },
  'headline-quick': { zh: 4, en: 4 },
};

for (const { id, lang } of CASES) {
  test(`the ${id} report in ${lang} reads well on A4 paper`, async () => {
    const page = await openApp(app.browser, app.server.url, { width: 1280, height: 900 });
    await FIRMS[id](page);
    if (lang === 'en') await page.click('#toggle-lang');
    await page.click('#toggle-report');
    await page.fill('#consultant-name', lang === 'zh' ? '王工' : 'Wang Gong');
    await page.fill('#consultant-org', lang === 'zh' ? '泰州数字化服务中心' : 'Taizhou Digital Services Centre');
    // Every problem found is listed at the end, so one run shows all of them.
    const problems = [];
    const check = (ok, message) => {
      if (!ok) problems.push(message);
    };
    const headings = await page.$$eval('.report :is(h1, h2, h3)', (hs) => hs.filter((h) => h.checkVisibility()).map((h) => h.innerText.trim()));
    const firm = await page.innerText('.report-firm');
    const date = await page.innerText('.report-date');

    // Chart labels at print size, laid out at the A4 content width (180 mm = 680 CSS px).
    await page.setViewportSize({ width: 680, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const charts = await chartLabels(page);
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const { chart, texts } of charts) {
      for (const t of texts) {
        check(t.size >= 7, `${chart}: "${t.text}" prints at ${t.size.toFixed(1)} pt`);
        check(t.inside, `${chart}: "${t.text}" runs out of the drawing`);
        check(!t.text.endsWith('…'), `${chart}: "${t.text}" is cut`);
      }
    }
    // The radar names every dimension whole (on one or two lines).
    const radar = charts.find((c) => /radar/.test(c.chart));
    if (radar) {
      const names = await page.$$eval('.report .dimension-table tbody th[scope="row"]', (ths) => ths.map((th) => th.firstChild.textContent.trim()));
      const drawn = radar.texts.map((t) => t.text).join('').replace(/\s+/g, '');
      for (const n of names) check(drawn.includes(n.replace(/\s+/g, '')), `the radar names "${n}" whole`);
    }

    const dir = join(OUTPUT, `print-${id}-${lang}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pdf = join(dir, 'report.pdf');
    await printReport(page, pdf);
    if (process.env.PRINT_SHOTS) {
      mkdirSync(process.env.PRINT_SHOTS, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(process.env.PRINT_SHOTS, `${id}-${lang}`)]);
    }
    const pages = pageLines(pdf);
    const fill = pageFill(pdf, dir);
    const n = pages.length;
    check(n <= MAX_PAGES[id][lang], `${n} pages, at most ${MAX_PAGES[id][lang]} expected`);
    const whole = pages.flat().join('\n');

    for (const [i, lines] of pages.entries()) {
      const where = `page ${i + 1} of ${n}`;
      // Running header (firm and date) and footer (n / N) from the page's margin boxes.
      check(lines.some((l) => l.includes(date)), `${where} has no date in its header`);
      check(lines.some((l) => l.includes(firm.slice(0, 12))), `${where} has no firm in its header`);
      check(lines.some((l) => l.replace(/\s/g, '') === `${i + 1}/${n}`), `${where} has no "n / N" footer`);
      if (i < n - 1) check(fill[i] > 0.33, `${where} is only ${(fill[i] * 100).toFixed(0)} % full`);
      // The last line above the footer is not a heading: headings keep with what follows.
      const body = lines.filter((l) => l.replace(/\s/g, '') !== `${i + 1}/${n}`);
      const last = body[body.length - 1];
      check(!headings.includes(last), `${where} ends with the heading "${last}"`);
    }
    for (const word of DRAFT) {
      const at = whole.search(word);
      check(at === -1, `draft wording ${word} on the page: …${around(whole, at)}…`);
    }
    // The three priorities are in the summary and not repeated in the detail.
    const firstAdvice = await page.$$eval('.report .summary .advice-action', (as) => as.map((a) => a.innerText.trim()));
    for (const a of firstAdvice) {
      const key = a.slice(0, 16);
      check(whole.split(key).length - 1 === 1, `"${key}" printed once`);
    }
    if (lang === 'en') {
      // English punctuation in English text; Chinese titles in 《》 keep their own.
      const outside = whole.replace(/《[^》]*》/g, '');
      for (const mark of ['（', '，', '：', '；']) {
        const at = outside.indexOf(mark);
        check(at === -1, `Chinese "${mark}" in English text: …${around(outside, at)}…`);
      }
      // The page's title names the PDF: English words around the firm's own name.
      const title = await page.title();
      check(!/[\u4e00-\u9fff]/.test(title.replace(firm, '')), `the page title is English: ${title}`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(page.problems, []);
  });
}
