// The benchmarks' measure of an action: from each input event (click, input, change, keydown) to
// the first paint after it, taken in the page as requestAnimationFrame, then a task. One definition
// for bench:trainer and bench:admin, so that their figures compare.
import type { Page } from 'playwright-core';

/**
 * Starts recording in the page (pass it to `page.addInitScript` or `page.evaluate`: it runs there,
 * so it uses nothing from this module).
 */
export function recordPaints(): void {
  const w = window as unknown as { __paints: number[] };
  w.__paints = [];
  for (const type of ['click', 'input', 'change', 'keydown']) {
    addEventListener(
      type,
      (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.__paints.push(performance.now() - start), 0));
      },
      { capture: true },
    );
  }
}

/** The times recorded since the last call, in milliseconds, in the order the paints came; the record starts empty again. */
export function takePaints(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __paints: number[] }).__paints.splice(0));
}

/** Waits until at least one time has been recorded since the last `takePaints`. */
export async function somePaint(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __paints: number[] }).__paints.length > 0, null, { polling: 10 });
}
