// axe-core in the page: inject it, run it, and describe what it found so that a failing
// test says which rule, how bad, and where.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page as it is now; returns the violations (empty when clean). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through the DevTools protocol: an inline <script> would break the page's
    // Content-Security-Policy.
    await page.evaluate(AXE_SOURCE);
  }
  // Let Leptos finish the update the last action started before checking.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

/** Violations as lines a person can act on. */
export function describeViolations(where, violations) {
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) {
      lines.push(`      at ${n.target}`);
      if (n.summary) lines.push(...n.summary.split('\n').map((s) => `        ${s}`));
    }
  }
  return lines.join('\n');
}
