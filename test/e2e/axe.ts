/**
 * axe-core on the app's own UI, for the accessibility checks. axe is loaded
 * over CDP, which the page's Content-Security-Policy doesn't govern (a script
 * tag would need `bypassCSP`). The preview frame is the document, checked by
 * the export tests, so it is left out unless `include` says otherwise.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/** Serious or critical violations as "impact id: targets", in the whole UI or under `include` (CSS selectors). */
export async function axeViolations(page: Page, include?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const context = within ? { include: within.map((selector) => [selector]) } : { exclude: [['#preview']] };
    const result = await axe.run(context, { iframes: false, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, include ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}
