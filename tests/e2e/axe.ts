/**
 * axe-core in the page: WCAG 2.0, 2.1 and 2.2 at levels A and AA, no rule left out.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One axe violation, reduced to what a reader needs to find and fix it. */
export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  helpUrl: string;
  targets: string[];
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/** Runs axe on the whole page. */
export async function runAxe(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, AXE_TAGS);
}

/** The violations as a message that says where and how to fix each. */
export function describeViolations(violations: Violation[], where: string): string {
  const lines = violations.map(
    (v) => `- ${v.id} (${v.impact ?? 'no impact'}) on ${where}: ${v.help}\n  ${v.helpUrl}\n` + v.targets.map((target) => `    at ${target}`).join('\n'),
  );
  return `${violations.length} axe violation(s):\n${lines.join('\n')}`;
}
