// The live charts are patched in place when only their figures change (src/app/views/svg_markup.rs):
// after a series of edits, each chart must be exactly what drawing it afresh gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useApp, chooseQuestionnaire } from './support.mjs';

const app = useApp();

const CHARTS = ['.results .chart-svg', '.results figure.radar', '.results figure.dimension-bars'];

/** Each chart's SVG as markup (the framework's empty comment markers beside it are not the chart). */
function markup(page) {
  return page.evaluate((selectors) => selectors.map((s) => document.querySelector(`${s} svg`)?.outerHTML ?? null), CHARTS);
}

test('charts patched edit after edit equal the charts drawn afresh', async () => {
  const page = await openApp(app.browser, app.server.url);
  await chooseQuestionnaire(page, 'sme-digital-level');
  // A firm name the chart titles must escape.
  await page.fill('#firm-name', `<甲&乙> "精工" 'A'`);
  await page.fill('#q-equip_total', '200');
  await page.waitForSelector('#q-equip_digital');
  await page.fill('#q-equip_digital', '50');
  await page.fill('#q-equip_networked', '30');
  await page.waitForFunction(() => document.querySelector('#q-equip_network_ratio-value')?.textContent === '15.0%');
  // Keep the SVG elements: an edit that only moves figures patches them; one that
  // replaced the markup would leave new elements.
  await page.evaluate((selectors) => {
    window.__charts = selectors.map((s) => document.querySelector(`${s} svg`));
  }, CHARTS);
  for (const [id, value] of [['equip_digital', '150'], ['equip_networked', '120'], ['equip_digital', '151']]) {
    await page.fill(`#q-${id}`, value);
  }
  await page.waitForFunction(() => document.querySelector('#q-equip_digital_ratio-value')?.textContent === '75.5%');
  const kept = await page.evaluate((selectors) => selectors.map((s, i) => document.querySelector(`${s} svg`) === window.__charts[i]), CHARTS);
  assert.deepEqual(kept, [true, true, true], 'the charts were patched, not replaced');
  const patched = await markup(page);
  assert.ok(patched.every((m) => m?.startsWith('<svg')), 'every chart is drawn');
  // A reload draws every chart afresh from the saved answers.
  await page.reload();
  await page.waitForSelector('.results figure.radar svg');
  assert.deepEqual(await markup(page), patched);
});
