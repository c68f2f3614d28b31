/**
 * Site search (Starlight's Pagefind dialog): for each query, the FIRST result is the page that
 * owns the topic. Results may point at an `#anchor` on the page: only the path is compared.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openPage, PAGE_PATHS, setDefaultFontSize, sitePath, THEMES, VIEWPORTS } from './support.ts';

/** Query typed into the search box, and the page its first result must be. */
const EXPECTED_FIRST_RESULT: ReadonlyArray<readonly [query: string, path: string]> = [
  ['escalation', '/escalation/when-and-how/'],
  ['escalate', '/escalation/when-and-how/'],
  ['Play Mode', '/conversocial/queues-and-play-mode/'],
  ['#fxhelp', '/program/replying-from-your-account/'],
  ['@FirefoxTurkiye', '/conversocial/accounts/'],
  ['closing reason', '/conversocial/closing-reasons/'],
  // Both programs use Tweetdeck: Mozilla's newcomers to find tweets at level one, GitLab's advocates
  // for follow-ups. Mozilla is the main program, so its level-one setup comes first (it came second
  // to fourth, behind GitLab's pages, and "tweet deck" found neither: found by the search audit);
  // GitLab's page follows (below). The name as two words, and the other setup, find the same page.
  ['Tweetdeck', '/program/ways-to-take-part/'],
  ['tweet deck', '/program/ways-to-take-part/'],
  ['twitter search', '/program/ways-to-take-part/'],
  // A name finds the page that defines it, before the pages and indexes that only use it.
  ['No Action Taken', '/conversocial/tags-and-user-tags/'],
  ['Could Not Resolve', '/conversocial/closing-reasons/'],
  ['response time', '/conversocial/queues-and-play-mode/'],
  // A product the practice queue's feedback names ("Mozilla VPN is a paid product").
  ['VPN', '/escalation/when-and-how/'],
  // Words a newcomer uses that the pages had not (found by the search audit): the source's own
  // "criteria" and "delete".
  ['criteria', '/conversocial/access/'],
  ['delete account', '/conversocial/leaving/'],
  ['stop contributing', '/conversocial/leaving/'],
  // The sources' short name for Mozilla's knowledge base.
  ['KB', '/program/getting-help/'],
  // A newcomer's first words find the path from reading to applying, not the live chat page's
  // "Getting started" (found by the pages audit).
  ['get started', '/start-here/newcomer-path/'],
  ['getting started', '/start-here/newcomer-path/'],
  ['start', '/start-here/newcomer-path/'],
  ['join', '/start-here/newcomer-path/'],
  ['how to join', '/start-here/newcomer-path/'],
  // A closing reason's name finds the page that says when it fits.
  ['no need to reply', '/conversocial/closing-reasons/'],
  // Mozilla is the main program: its page on DMs comes before GitLab's.
  ['DM', '/conversocial/likes-retweets-dms/'],
  ['DMs', '/conversocial/likes-retweets-dms/'],
  // The advice to sign out is on the Play Mode page.
  ['sign out', '/conversocial/queues-and-play-mode/'],
  ['log out', '/conversocial/queues-and-play-mode/'],
  // The time on #fxhelp before applying, as the guidelines write it and in days.
  ['two weeks', '/conversocial/access/'],
  ['14 days', '/conversocial/access/'],
  // Words the pages had not used (found by the pages audit): the decision order's other name,
  // GitLab's issues under the name of their tool (Mozilla's Bugzilla follows, below), and the
  // person who trains a new contributor.
  ['decision order', '/reference/decision-order/'],
  ['issue tracker', '/gitlab/special-cases/'],
  ['mentor', '/program/ways-to-take-part/'],
  // The audit found "Slack" (a longer word) first, through Pagefind's own ranking; the dialog
  // ranks a whole word above a longer one, so the page that explains GitLab's SLA comes first.
  ['SLA', '/gitlab/workflow/'],
  // Words for an abusive tweet found 33 results, none of them the page that says to leave it
  // alone (found by the search audit).
  ['insult', '/program/best-practices/'],
  ['insults', '/program/best-practices/'],
  ['rude', '/program/best-practices/'],
  // A newcomer's words that found another page first, or nothing (found by the search audit): the
  // program's roles came after live chat's, GitLab's downtime was not in the first five, the NDA
  // criterion came second, and the #fxhelp rule came third for "hashtag" and not at all misspelt.
  ['contributor roles', '/program/ways-to-take-part/'],
  ['outage', '/gitlab/special-cases/'],
  ['status page', '/gitlab/special-cases/'],
  ['NDA', '/conversocial/access/'],
  ['hashtag', '/program/replying-from-your-account/'],
  ['fxhlep', '/program/replying-from-your-account/'],
  // Writing and sending a reply is the reply field's page; the search phrase "No Need to Reply" of
  // the closing reasons had put them first (found by the recheck).
  ['reply', '/conversocial/reply-field/'],
  // A newcomer's one word for the job finds the page on picking out the tweets that need help; the
  // level-one setup, whose Tweetdeck starts with it, came first (found by the search audit).
  ['tweet', '/program/finding-tweets/'],
  ['tweets', '/program/finding-tweets/'],
  // The program's name finds its Twitter workflow, not the list of rule versions that names it in a
  // heading (found by the search audit); the workflow page never writes "workflow" outside its
  // description, so the word found the list of versions too.
  ['gitlab', '/gitlab/workflow/'],
  ['gitlab workflow', '/gitlab/workflow/'],
  // GitLab's escalations are its Special cases page's; the program's name had put the workflow page
  // (whose version note names two escalation rules) first, and the list of versions before it
  // (found by the site-text audit). Escalating alone stays Mozilla's, the main program's (above).
  ['gitlab escalate', '/gitlab/special-cases/'],
  ['gitlab escalation', '/gitlab/special-cases/'],
  ['escalate gitlab', '/gitlab/special-cases/'],
];

/**
 * A common word that a page's search phrase holds, alone, does not put that page first: "page" of
 * GitLab's "status page" put GitLab's downtime first for every reader, "reply" and "need" of "No
 * Need to Reply" put the closing reasons first (found by the recheck). Each: the query, and the
 * start of the paths its first result must not have.
 */
const NOT_FIRST: ReadonlyArray<readonly [query: string, path: string]> = [
  ['page', '/gitlab/'],
  ['reply', '/conversocial/closing-reasons/'],
  ['need', '/conversocial/closing-reasons/'],
];

/**
 * Queries whose first result must also link to a section of its page: the section a reader
 * needs, with an excerpt of its words (a page matched only by its keywords shows neither).
 */
const EXPECTED_SECTION: ReadonlyArray<readonly [query: string, path: string, anchor: string]> = [
  ['insult', '/program/best-practices/', 'when-not-to-reply'],
  ['dm a user', '/conversocial/likes-retweets-dms/', 'direct-messages'],
  ['mentor', '/program/ways-to-take-part/', 'contributor-conversocial'],
  ['Tweetdeck', '/program/ways-to-take-part/', 'set-up-your-workspace'],
  ['twitter search', '/program/ways-to-take-part/', 'set-up-your-workspace'],
  ['contributor roles', '/program/ways-to-take-part/', 'contributor-roles'],
  ['outage', '/gitlab/special-cases/', 'downtime'],
  ['NDA', '/conversocial/access/', 'who-can-apply-the-six-criteria'],
  ['hashtag', '/program/replying-from-your-account/', 'always-add-fxhelp'],
];

/**
 * The program a guideline page belongs to, by its group in the sidebar (its search result names it
 * in its title); `undefined` for the site's own pages (start here, practice, admin, home).
 */
function programOf(path: string): string | undefined {
  const group = path.split('/')[1] ?? '';
  if (group === 'gitlab') return 'GitLab';
  if (['program', 'conversocial', 'escalation', 'more'].includes(group)) return 'Mozilla';
  if (group === 'reference') return 'Mozilla and GitLab';
  return undefined;
}

/**
 * The name a screen reader is given for `element`: Chromium's own, from its accessibility tree
 * (through the DevTools protocol, which finds the element by a mark set on it for the while).
 */
async function accessibleName(element: Locator): Promise<string> {
  const page = element.page();
  const session = await page.context().newCDPSession(page);
  try {
    await element.evaluate((el) => el.setAttribute('data-test-named', ''));
    const { root } = await session.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-test-named]' });
    const { nodes } = await session.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return String(nodes[0]?.name?.value ?? '');
  } finally {
    await element.evaluate((el) => el.removeAttribute('data-test-named'));
    await session.detach();
  }
}

/** Pagefind's status line once a search has finished: "3 results for x" or "No results for x". */
function finishedMessage(query: string): RegExp {
  const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*(?:\\d+ results?|No results) for ${escaped}\\s*$`, 'i');
}

describe('search', () => {
  let browser: Browser;
  let page: Page;
  let dialog: Locator;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    // Any content page will do; the sitemap's last one is as good as another.
    await openPage(page, PAGE_PATHS.at(-1) ?? '/');
    dialog = page.getByRole('dialog', { name: 'Search' });
  });
  afterAll(() => browser?.close());

  /**
   * Runs a search in the dialog and returns the page path of each result shown so far, in order
   * (the first one is always there when there is any result).
   */
  async function search(query: string): Promise<string[]> {
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Search' }).click();
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('input').fill(query);
    const message = dialog.locator('.pagefind-ui__message');
    const pattern = finishedMessage(query);
    await page
      .waitForFunction(
        ({ source, flags }) => {
          const text = document.querySelector('dialog .pagefind-ui__message')?.textContent ?? '';
          return new RegExp(source, flags).test(text);
        },
        { source: pattern.source, flags: pattern.flags },
        { timeout: 10_000 },
      )
      .catch(async () => {
        throw new Error(`search for "${query}" did not finish; status line: "${await message.textContent()}"`);
      });
    if (/^\s*No results/i.test((await message.textContent()) ?? '')) return [];
    // Pagefind lists the results first and fills each one in when its fragment has loaded.
    // Sub-results (headings inside a page) sit in `.pagefind-ui__result-nested`; skip them.
    const pageLink = '.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link';
    await dialog.locator('.pagefind-ui__result').first().locator(pageLink).waitFor({ state: 'attached' });
    const hrefs = await dialog
      .locator(`.pagefind-ui__result ${pageLink}`)
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    return hrefs.map((href) => sitePath(href) ?? href);
  }

  // The keywords a page is ranked by, and the access page's period, are Pagefind metadata, which
  // its UI would list under each result as "Keywords: ..." (found by the recheck): not for reading.
  test('results show no metadata, to the eye or to a screen reader', async () => {
    for (const query of ['log out', 'DMs', 'no need to reply', 'response time', 'getting started', 'two weeks']) {
      await search(query);
      // Every result shown so far has been filled in (its excerpt is there) before it is read.
      const results = dialog.locator('.pagefind-ui__result');
      const filled = dialog.locator('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link');
      await expect.poll(async () => (await results.count()) > 0 && (await filled.count()) === (await results.count())).toBe(true);
      const seen = (await results.allInnerTexts()).join('\n');
      expect(seen, query).not.toMatch(/keywords|incubation period/i);
      expect(await dialog.locator('.pagefind-ui__results').ariaSnapshot(), query).not.toMatch(/keywords|incubation period/i);
    }
    // Closed again, as the next test expects to find it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  test('Ctrl+K opens the search dialog and Escape closes it', async () => {
    await page.keyboard.press('Control+k');
    await dialog.waitFor({ state: 'visible' });
    await expect.poll(() => dialog.locator('input').evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  test.each(EXPECTED_FIRST_RESULT)('"%s" finds %s first', async (query, path) => {
    const results = await search(query);
    const shown = results.length > 0 ? results.slice(0, 5).join(', ') : 'no result';
    expect(results[0], `first result for "${query}" (results: ${shown})`).toBe(path);
  });

  test.each(NOT_FIRST)('"%s" does not find %s first', async (query, path) => {
    const results = await search(query);
    expect(results.length, `results for "${query}"`).toBeGreaterThan(0);
    expect(results[0]!.startsWith(path), `first result for "${query}" (results: ${results.slice(0, 5).join(', ')})`).toBe(false);
  });

  /**
   * The sections (sub-results) that the result for page `path` links to, once Pagefind has filled
   * it in: each one's `#anchor` and the words of its excerpt.
   */
  async function sectionsOf(path: string): Promise<{ anchor: string; excerpt: string }[]> {
    let found: { anchor: string; excerpt: string }[] | undefined;
    await expect
      .poll(async () => {
        const results = await dialog.locator('.pagefind-ui__result').evaluateAll((items) =>
          items.map((item) => ({
            href: item.querySelector('.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link')?.getAttribute('href') ?? '',
            sections: [...item.querySelectorAll('.pagefind-ui__result-nested')].map((nested) => ({
              href: nested.querySelector('.pagefind-ui__result-link')?.getAttribute('href') ?? '',
              excerpt: nested.querySelector('.pagefind-ui__result-excerpt')?.textContent?.trim() ?? '',
            })),
          })),
        );
        const mine = results.find((r) => r.href && sitePath(r.href) === path);
        found = mine?.sections.map(({ href, excerpt }) => ({ anchor: new URL(href, 'http://site.invalid').hash.slice(1), excerpt }));
        return found !== undefined;
      }, { timeout: 10_000 })
      .toBe(true);
    return found!;
  }

  test.each(EXPECTED_SECTION)('"%s" finds %s first, with a link to #%s and an excerpt of it', async (query, path, anchor) => {
    const results = await search(query);
    expect(results[0], `results: ${results.slice(0, 5).join(', ')}`).toBe(path);
    const sections = await sectionsOf(path);
    const section = sections.find((s) => s.anchor === anchor);
    expect(section, `section links: ${sections.map((s) => `#${s.anchor}`).join(', ') || 'none'}`).toBeDefined();
    expect(section!.excerpt, 'its excerpt').not.toBe('');
  });

  // The trainer's feedback on a like not given to a tweet that mentions none of our accounts
  // links to the Likes section; a reader who asks the question in their own words finds it too.
  test('"like a tweet that mentions nobody" finds the page on likes among the first three results', async () => {
    const results = await search('like a tweet that mentions nobody');
    expect(results.slice(0, 3), `results: ${results.slice(0, 10).join(', ')}`).toContain('/conversocial/likes-retweets-dms/');
  });

  // GitLab escalates too (the trainer's "Escalate to": #abuse, #social_media or the experts), but
  // its pages never used the word, so a GitLab advocate searching it found only Mozilla's pages.
  test.each(['escalate', 'escalation'])('"%s" finds a GitLab page among the first five results', async (query) => {
    const results = await search(query);
    expect(results.slice(0, 5).filter((r) => r.startsWith('/gitlab/')), `results: ${results.slice(0, 15).join(', ')}`).not.toEqual([]);
  });

  // GitLab's titles say "GitLab:", Mozilla's say nothing: a GitLab advocate who searched words both
  // programs use got Mozilla's pages with nothing to tell them apart (found by the pages audit). The
  // program is in the name of the link a reader tabs to; a label after the excerpts ("Program:
  // Mozilla") was heard only when reading on, after the page's sections (found by the recheck).
  test.each(['escalate', 'hold', 'like'])('"%s": the link of each page result names its page\'s program, and nothing else says it again', async (query) => {
    await search(query);
    const results = dialog.locator('.pagefind-ui__result');
    const filled = dialog.locator('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link');
    await expect.poll(async () => (await results.count()) > 0 && (await filled.count()) === (await results.count()), { timeout: 10_000 }).toBe(true);
    const seen: { path: string; name: string }[] = [];
    for (const link of await filled.all()) {
      const path = sitePath((await link.getAttribute('href')) ?? '') ?? '';
      const name = await accessibleName(link);
      seen.push({ path, name });
    }
    expect(seen.filter((r) => programOf(r.path) === 'Mozilla').length, 'a Mozilla page among the results').toBeGreaterThan(0);
    const namesProgram = ({ path, name }: { path: string; name: string }) => {
      const program = programOf(path);
      if (program === 'GitLab') return name.startsWith('GitLab: ') && !name.includes('(');
      if (program) return name.endsWith(` (${program})`);
      return !/\((Mozilla|GitLab)/.test(name);
    };
    expect(seen.filter((r) => !namesProgram(r)), 'page result links that do not name their program (or name one for the site\'s own pages)').toEqual([]);
    const labels = await results.evaluateAll((items) =>
      items.flatMap((item) => [...item.querySelectorAll('.pagefind-ui__result-tag')].filter((tag) => tag.checkVisibility()).map((tag) => tag.textContent?.trim() ?? '')),
    );
    expect(labels, 'labels under the results').toEqual([]);
    expect(await dialog.locator('.pagefind-ui__results').ariaSnapshot(), 'what a screen reader reads of the results').not.toMatch(/Program:/);
  });

  // Mozilla's level-one setup comes first for Tweetdeck (above); GitLab's advocates, who answer
  // follow-ups from it, find their page right after it. Misspelt, the name finds the two pages and
  // nothing else (it found neither), in an order Pagefind leaves open: both match it only by their
  // keywords, so they score the same.
  test.each(['Tweetdeck', 'tweet deck', 'twet deck'])('"%s" finds Mozilla\'s level-one setup and GitLab\'s workflow as the first two results', async (query) => {
    const results = await search(query);
    expect(results.slice(0, 2).sort(), `results: ${results.slice(0, 10).join(', ')}`).toEqual(['/gitlab/workflow/', '/program/ways-to-take-part/']);
  });

  // Mozilla's tracker is Bugzilla, which its pages call a bug tracker: a Mozilla helper who
  // searches GitLab's word finds it too.
  test('"issue tracker" finds Bugzilla\'s page among the first five results too', async () => {
    const results = await search('issue tracker');
    expect(results.slice(0, 5), `results: ${results.slice(0, 15).join(', ')}`).toContain('/escalation/reporting-bugs/');
  });

  // The tools' own words (buttons, key names, dialogs that are closed when a page opens) are not
  // what a reader searches for: a result there would lead to a place the page does not show.
  test.each([['Clear everything', '/admin/'], ['Keyboard shortcuts', '/practice/']])('"%s" leads to no part of the tool on %s', async (query, path) => {
    const results = await search(query);
    expect(results.filter((r) => r === path)).toEqual([]);
  });
});

// Found by the search audit: on a phone at 320 px with its text at 200% (WCAG 1.4.4, 1.4.10) the
// field left what was typed out of sight (Cancel kept 5rem of it, the icon and Clear the rest), and
// each result ran past the edge of the window.
describe('the search dialog at 320 px with text at 200%', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  test.each(THEMES)('%s theme: the field spans most of the dialog, Cancel stays clear of it, and results fit the window', async (theme) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
      const page = await context.newPage();
      await setDefaultFontSize(page, 32);
      await openPage(page, '/start-here/welcome/');
      const dialog = page.getByRole('dialog', { name: 'Search' });
      await page.keyboard.press('Control+k');
      await dialog.waitFor({ state: 'visible' });
      const input = dialog.locator('input');
      await input.fill('escalate');
      const results = dialog.locator('.pagefind-ui__result');
      const filled = dialog.locator('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link');
      await expect.poll(async () => (await results.count()) > 0 && (await filled.count()) === (await results.count()), { timeout: 10_000 }).toBe(true);

      const field = (await input.boundingBox())!;
      const frame = (await dialog.boundingBox())!;
      expect(field.width / frame.width, `the field is ${Math.round(field.width)} px of the dialog's ${Math.round(frame.width)} px`).toBeGreaterThanOrEqual(0.6);
      const cancel = (await dialog.getByRole('button', { name: 'Cancel' }).boundingBox())!;
      const overlaps = cancel.x < field.x + field.width && cancel.x + cancel.width > field.x && cancel.y < field.y + field.height && cancel.y + cancel.height > field.y;
      expect(overlaps, 'Cancel lies over the field').toBe(false);

      const edge = await page.evaluate(() => document.documentElement.clientWidth);
      // A result's list item keeps to the column; the card drawn inside it (title, excerpt, sections) is what overflowed.
      const past = await results.evaluateAll(
        (items, edge) => items.map((item) => Math.round(Math.max(...[item, ...item.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right)))).filter((right) => right > edge + 1),
        edge,
      );
      expect(past, `results whose right edge passes the window's ${edge} px`).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('search index', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /**
   * A page of the site with Pagefind's own API at `window.pagefindApi` (loaded from a string, which
   * the test runner leaves as it is: it rewrites an `import()` written in a function).
   */
  async function withPagefind(): Promise<Page> {
    const page = await browser.newPage();
    await openPage(page, '/');
    await page.evaluate("import('/pagefind/pagefind.js').then((api) => { window.pagefindApi = api; })");
    return page;
  }

  // The title each page result links with (above) is Pagefind's: every guideline page's names its
  // program, and only there. The page itself keeps its own title and heading.
  test('every guideline page is indexed under its title with its program, and the site\'s own pages under their own title', async () => {
    const page = await withPagefind();
    try {
      const indexed = await page.evaluate(async () => {
        type Api = { search: (q: null) => Promise<{ results: { data: () => Promise<{ url: string; meta: Record<string, string> }> }[] }> };
        const all = await (window as unknown as { pagefindApi: Api }).pagefindApi.search(null);
        return Promise.all(
          all.results.map(async (r) => {
            const d = await r.data();
            const doc = new DOMParser().parseFromString(await (await fetch(d.url)).text(), 'text/html');
            return { url: d.url, title: d.meta.title, h1: doc.querySelector('main h1')?.textContent?.trim() ?? '', head: doc.title };
          }),
        );
      });
      const found = indexed.map(({ url, ...rest }) => ({ path: sitePath(url) ?? url, ...rest })).sort((a, b) => a.path.localeCompare(b.path));
      expect(found.length).toBeGreaterThan(20);
      expect(found.filter((p) => programOf(p.path) === 'Mozilla').length).toBeGreaterThan(10);
      const expected = found.map(({ path, h1, head }) => {
        const program = programOf(path);
        const title = !program || (program === 'GitLab' && h1.startsWith('GitLab: ')) ? h1 : `${h1} (${program})`;
        return { path, title, h1, head };
      });
      expect(found).toEqual(expected);
      // The page's own title and heading do not name the program where they did not.
      expect(found.filter(({ h1, head }) => /\((Mozilla|GitLab)/.test(`${h1} ${head}`))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // The dialog shows the first results only; the index, asked for every result, has none there either.
  test.each([['Clear everything', '/admin/'], ['Keyboard shortcuts', '/practice/']])('"%s": no result of all the index holds is %s', async (query, path) => {
    const page = await withPagefind();
    try {
      const urls = await page.evaluate(async (q) => {
        type Api = { search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }> };
        const found = await (window as unknown as { pagefindApi: Api }).pagefindApi.search(q);
        return Promise.all(found.results.map(async (r) => (await r.data()).url));
      }, query);
      expect(urls.map((u) => sitePath(u) ?? u).filter((p) => p === path)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // An excerpt reads as the page does: a number indexed with its word as well (an attribute) read
  // "at least two. 2 weeks" in the excerpts (found by the recheck).
  test('an excerpt shows a period as the page writes it', async () => {
    const page = await withPagefind();
    try {
      const excerpts = await page.evaluate(async () => {
        type Api = { search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string; excerpt: string }> }[] }> };
        const found = await (window as unknown as { pagefindApi: Api }).pagefindApi.search('business days');
        return Promise.all(found.results.map(async (r) => (await r.data()).excerpt.replace(/<[^>]+>/g, '')));
      });
      expect(excerpts.length).toBeGreaterThan(0);
      for (const excerpt of excerpts) expect(excerpt).not.toMatch(/\b(one|two|three|four|five)\. \d/);
      expect(excerpts.some((e) => /within 2 business days/.test(e))).toBe(true);
    } finally {
      await page.close();
    }
  });

  // A search result under a heading shows the words that follow it: a heading followed at once by
  // the next one ("Mozilla", then its versions) gave a result whose excerpt was only "Mozilla.".
  test('each section heading has words of its own before the next heading', async () => {
    const page = await browser.newPage();
    try {
      const bare: string[] = [];
      for (const path of PAGE_PATHS) {
        await openPage(page, path);
        const found = await page.evaluate(() => {
          const body = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main')!;
          const headings = [...body.querySelectorAll('h2[id], h3[id], h4[id]')].filter((h) => !h.closest('[data-pagefind-ignore]'));
          return headings.flatMap((heading) => {
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_ALL);
            walker.currentNode = heading;
            let node = walker.nextNode();
            while (node && heading.contains(node)) node = walker.nextNode();
            let text = '';
            for (; node; node = walker.nextNode()) {
              if (node instanceof Element && /^H[1-6]$/.test(node.tagName) && node.id) break;
              if (node.nodeType === Node.TEXT_NODE && !node.parentElement?.closest('[data-pagefind-ignore]')) text += ` ${node.textContent}`;
            }
            return text.trim().split(/\s+/).filter(Boolean).length < 3 ? [`#${heading.id} ("${heading.textContent?.trim()}")`] : [];
          });
        });
        bare.push(...found.map((h) => `${path} ${h}`));
      }
      expect(bare).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // A reader who searches a table's words must find them, and the excerpt must read as words:
  // "Account What it is for", not "the accountsAccountWhat it is for" run into one word.
  test("keeps each table caption's and cell's words apart from the next cell's", async () => {
    // Pagefind's own reading of the pages, through its public API.
    const page = await withPagefind();
    try {
      const { pages, runTogether } = await page.evaluate(async () => {
        type Api = { search: (q: null) => Promise<{ results: { data: () => Promise<{ url: string; content: string }> }[] }> };
        const all = await (window as unknown as { pagefindApi: Api }).pagefindApi.search(null);
        const indexed = await Promise.all(all.results.map((r) => r.data()));
        const found: string[] = [];
        for (const { url, content } of indexed) {
          const words = content.replace(/\s+/g, ' ');
          const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
          for (const cell of doc.querySelectorAll('main caption, main th, main td')) {
            if (cell.closest('[data-pagefind-ignore]')) continue;
            const copy = cell.cloneNode(true) as Element;
            for (const ignored of copy.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
            const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
            if (!text) continue;
            const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            if (!new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u').test(words)) found.push(`${url} ${cell.tagName.toLowerCase()} "${text}"`);
          }
        }
        return { pages: indexed.length, runTogether: found };
      });
      expect(pages).toBeGreaterThan(20);
      expect(runTogether).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
