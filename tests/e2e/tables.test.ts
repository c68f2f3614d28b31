/**
 * Every table on every page is readable on a phone and on a laptop, in both themes: its caption
 * is shown in full, and either the whole table fits the page or it sits in a region that says it
 * scrolls (a visible cue), that keyboard users can focus and scroll, and that has a name.
 *
 * What counts is what a reader gets, not how the page does it: the scroll container is whichever
 * ancestor (or the table itself) scrolls sideways, and the cue is any visible text near the table
 * that tells the reader to scroll.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eachPageThemeAndWidth, launchChromium, openPage, PAGE_PATHS, VIEWPORTS } from './support.ts';


/** What the page reports about one table. */
interface TableReport {
  caption: string | null;
  /** Caption text that lies outside the visible part of the page or of its scroll region. */
  captionCut: string[];
  /** Whether the caption's own box overflows (text hidden inside it). */
  captionOverflows: boolean;
  /** The table's scroll region, if an ancestor (or the table) scrolls sideways. */
  region: null | {
    overflows: boolean;
    focusable: boolean;
    name: string;
    /** Visible text near the table that tells the reader to scroll. */
    cue: string | null;
  };
  /** When nothing scrolls: does the table fit in the viewport? */
  fitsViewport: boolean;
  id: string;
}

/** Reads every table of the page as a reader would meet it. */
function readTables(page: Page): Promise<TableReport[]> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && box.width > 0 && box.height > 0 && box.left >= -1 && box.right <= viewport + 1;
    };
    const nameOf = (el: Element) => {
      const label = el.getAttribute('aria-label')?.trim();
      if (label) return label;
      const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
      return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
    };
    return [...document.querySelectorAll('main table')].map((table, i) => {
      let region: Element | null = table;
      while (region && !scrolls(region)) region = region.parentElement;
      const caption = table.querySelector(':scope > caption');
      // The caption's text, line box by line box, must lie inside the viewport and inside the
      // visible part of its scroll region.
      const captionCut: string[] = [];
      if (caption) {
        const bounds = region ? region.getBoundingClientRect() : { left: 0, right: viewport };
        const left = Math.max(0, bounds.left) - 1;
        const right = Math.min(viewport, bounds.right) + 1;
        const walker = document.createTreeWalker(caption, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let at = 0; at < text.length; at++) {
            if (!text[at]!.trim()) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            const box = range.getBoundingClientRect();
            if (box.left < left || box.right > right) captionCut.push(text[at]!);
          }
        }
      }
      let cue: string | null = null;
      if (region) {
        // Any visible text in the table's frame (the region and what is next to it), outside the
        // table itself, that says the table scrolls.
        const frame = region.parentElement ?? region;
        for (const el of frame.querySelectorAll('*')) {
          if (table.contains(el) || !/scroll/i.test(el.textContent ?? '') || el.children.length > 0) continue;
          if (visible(el)) cue = el.textContent!.trim();
        }
      }
      return {
        id: `table ${i + 1} ("${caption?.textContent?.trim().slice(0, 60) ?? 'no caption'}")`,
        caption: caption?.textContent?.trim() || null,
        captionCut,
        captionOverflows: caption ? caption.scrollWidth > caption.clientWidth + 1 : false,
        region: region
          ? {
              overflows: region.scrollWidth > region.clientWidth + 1,
              focusable: (region as HTMLElement).tabIndex >= 0,
              name: nameOf(region),
              cue,
            }
          : null,
        fitsViewport: table.getBoundingClientRect().right <= viewport + 1,
      };
    });
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

eachPageThemeAndWidth('tables', () => browser, async (page, path, { theme, name: viewportName, viewport }) => {
  const where = `${path} (${theme}, ${viewportName} ${viewport.width}px)`;
  // No table pushes the page itself wider than the screen.
  const pageWidth = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(pageWidth[0], `page width on ${where}`).toBeLessThanOrEqual(pageWidth[1]! + 1);

  for (const t of await readTables(page)) {
    const what = `${t.id} on ${where}`;
    expect(t.caption, `${what}: a caption says what the table holds`).not.toBeNull();
    expect(t.captionCut.join(''), `${what}: caption text cut off`).toBe('');
    expect(t.captionOverflows, `${what}: caption overflows its box`).toBe(false);
    if (!t.region) {
      expect(t.fitsViewport, `${what}: does not scroll, so it must fit the page`).toBe(true);
    } else if (t.region.overflows) {
      expect(t.region.cue, `${what}: scrolls sideways with no visible cue`).not.toBeNull();
      expect(t.region.focusable, `${what}: its scroll region cannot be reached with the keyboard`).toBe(true);
      expect(t.region.name, `${what}: its scroll region has no accessible name`).not.toBe('');
    } else {
      expect(t.region.cue, `${what}: fits, yet a cue says to scroll`).toBeNull();
    }
  }
});

// A cue must not promise what the keyboard cannot do: focusing a region that scrolls and
// pressing the right arrow moves it.
describe('a table that scrolls can be scrolled from the keyboard', () => {
  test('the first table that scrolls, on a narrow phone with text at 200%', async () => {
    // 320 px wide with text doubled (WCAG 1.4.4 and 1.4.10): a table that does not stack cannot fit,
    // so there is surely one that scrolls to try the keyboard on.
    const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    try {
      for (const path of PAGE_PATHS) {
        await openPage(page, path);
        await page.evaluate(() => void (document.documentElement.style.fontSize = '200%'));
        const handle = await page.evaluateHandle(() =>
          [...document.querySelectorAll('main [tabindex="0"]')].find((el) => el.scrollWidth > el.clientWidth + 1 && el.querySelector('table')) ?? null,
        );
        const region = handle.asElement();
        if (!region) continue;
        await region.focus();
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction((el) => (el as Element).scrollLeft > 0, region, { timeout: 2_000 });
        return;
      }
      expect.fail('no table of the guidelines scrolls sideways at 320 px with text at 200%: the keyboard was not tried on one');
    } finally {
      await context.close();
    }
  });
});
