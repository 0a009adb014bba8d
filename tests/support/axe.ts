/**
 * Runs axe-core (from node_modules, nothing fetched) on the page's main region and returns the
 * serious and critical problems, one line each, so a test can expect an empty list.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Loads axe-core into the page the way DevTools runs code, outside the page's CSP: a <script> tag
 * added by the test would rightly be refused by the policy and fail the test for the wrong reason.
 */
export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
}

export async function seriousViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Element) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return (await axe.run(document.querySelector('main')!)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
