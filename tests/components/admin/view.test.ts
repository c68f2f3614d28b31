// The readiness table's view in the page's address (src/components/admin/view.ts): README says only
// what differs from the default view is written, and any other query or hash is left as it is.
import { describe, expect, it } from 'vitest';
import { defaultView, hrefWithView, type View } from '../../../src/components/admin/view.ts';
import { viewFromQuery } from '../../../src/components/admin/view-query.ts';

const BASE = 'https://example.org/admin/';

/** The default view with `change` made to it. */
function viewWith(change: (v: View) => void): View {
  const v = defaultView();
  change(v);
  return v;
}

describe('hrefWithView', () => {
  // Found by an audit: loading /admin/?foo=a%20b&bar&q=x#frag, with nothing done, rewrote the
  // address to ?foo=a+b&bar=&q=x#frag.
  it('leaves an address that already holds the view exactly as it is, every other part byte for byte', () => {
    const href = `${BASE}?foo=a%20b&bar&q=x#frag`;
    expect(hrefWithView(href, viewWith((v) => (v.filter.text = 'x')))).toBe(href);
    const odd = `${BASE}?utm=%E2%9C%93&empty=&x=1+2&%7Bk%7D=%7Bv%7D&mode=practice`;
    expect(hrefWithView(odd, viewWith((v) => (v.filter.mode = 'practice')))).toBe(odd);
  });

  it("changes only the view's own pairs: another query, its spelling and order, and the hash stay", () => {
    const href = `${BASE}?foo=a%20b&bar&q=x&baz=%7E#frag`;
    // The text changed: its pair, where it stood.
    expect(hrefWithView(href, viewWith((v) => (v.filter.text = 'y z')))).toBe(`${BASE}?foo=a%20b&bar&q=y+z&baz=%7E#frag`);
    // The text gone, a sort added: the pair taken out, the new one after the rest.
    expect(hrefWithView(href, viewWith((v) => (v.sort = { key: 'score', dir: 'descending' })))).toBe(`${BASE}?foo=a%20b&bar&baz=%7E&sort=score&dir=desc#frag`);
    // Back to the default view: only the other query and the hash are left.
    expect(hrefWithView(href, defaultView())).toBe(`${BASE}?foo=a%20b&bar&baz=%7E#frag`);
  });

  it('writes only what differs from the default, and no "?" once nothing is left', () => {
    expect(hrefWithView(BASE, defaultView())).toBe(BASE);
    expect(hrefWithView(`${BASE}?mode=practice&page=2#admin-results`, defaultView())).toBe(`${BASE}#admin-results`);
    expect(hrefWithView(BASE, viewWith((v) => ((v.pageSize = 25), (v.page = 1), (v.filter.flagged = true))))).toBe(`${BASE}?flagged=yes&rows=25&page=2`);
  });

  it('a value the address spells otherwise, or gives twice, is written once; one it cannot use is dropped', () => {
    // The same text spelled another way is the same value: kept as written.
    expect(hrefWithView(`${BASE}?q=a%20b`, viewWith((v) => (v.filter.text = 'a b')))).toBe(`${BASE}?q=a%20b`);
    // Given twice, the page reads the first; the second goes.
    expect(hrefWithView(`${BASE}?q=a&k=1&q=b`, viewWith((v) => (v.filter.text = 'a')))).toBe(`${BASE}?q=a&k=1`);
    // A value the controls do not offer leaves the default view, which writes nothing.
    const href = `${BASE}?mode=zzz&from=mail`;
    expect(hrefWithView(href, viewFromQuery(new URL(href).search))).toBe(`${BASE}?from=mail`);
  });

  it('any view written reads back as the same view', () => {
    const views = [
      viewWith((v) => (v.filter.text = 'Ana & Bo = 100% #1 +x')),
      viewWith((v) => ((v.filter.program = 'gitlab'), (v.filter.ready = 'no'), (v.sort = { key: 'critical', dir: 'descending' }), (v.pageSize = 0))),
    ];
    for (const view of views) {
      const href = hrefWithView(`${BASE}?keep=%20#h`, view);
      expect(href.startsWith(`${BASE}?keep=%20&`)).toBe(true);
      expect(href.endsWith('#h')).toBe(true);
      expect(viewFromQuery(new URL(href).search)).toEqual(view);
    }
  });
});

// Found by the view's mutation audit: each of these wrong changes to view.ts or view-query.ts left
// every test above passing.
describe('the view in the address, control by control', () => {
  // The controls' values as README ("Seen") and the table give them: Program offers All, Mozilla,
  // GitLab or Mixed set; every one of the table's fourteen columns sorts, either way; "Rows per page"
  // offers 25, 100, 250 or All. Listed here by hand, not taken from view.ts, so that a value dropped
  // there is a value this test still asks for.
  const programs = ['all', 'mozilla', 'gitlab', 'mixed'] as const;
  const columns = ['trainee', 'file', 'mode', 'program', 'items', 'score', 'account', 'tags', 'closing', 'escalation', 'engagement', 'critical', 'ready', 'flags'] as const;
  const sizes = [25, 100, 250, 0];

  it('every value each control offers reads back from the address as it was', () => {
    const views = [
      ...programs.map((p) => viewWith((v) => (v.filter.program = p))),
      ...columns.flatMap((key) => (['ascending', 'descending'] as const).map((dir) => viewWith((v) => (v.sort = { key, dir })))),
      ...sizes.map((size) => viewWith((v) => (v.pageSize = size))),
      viewWith((v) => ((v.filter.flagged = true), (v.filter.mode = 'assessment'), (v.filter.ready = 'yes'))),
      // The second page and the third (from 0 in the view, from 1 in the address).
      viewWith((v) => (v.page = 1)),
      viewWith((v) => ((v.page = 2), (v.pageSize = 25))),
    ];
    for (const view of views) expect(viewFromQuery(new URL(hrefWithView(BASE, view)).search)).toEqual(view);
  });

  it('the trainee open under the table is written as `open` and read back; an id longer than OPEN_ID_MAX (100) is neither', () => {
    const href = hrefWithView(`${BASE}?from=mail`, viewWith((v) => (v.open = 'm3x9k2-ab12-7')));
    expect(href).toBe(`${BASE}?from=mail&open=m3x9k2-ab12-7`);
    expect(viewFromQuery(new URL(href).search).open).toBe('m3x9k2-ab12-7');
    // Closed: the pair goes, the rest stays.
    expect(hrefWithView(href, defaultView())).toBe(`${BASE}?from=mail`);
    expect(viewFromQuery('?from=mail').open).toBeNull();
    expect(viewFromQuery('?open=').open).toBeNull();
    expect(hrefWithView(BASE, viewWith((v) => (v.open = 'x'.repeat(101))))).toBe(BASE);
    expect(viewFromQuery(`?open=${'x'.repeat(101)}`).open).toBeNull();
    expect(viewFromQuery(`?open=${'x'.repeat(100)}`).open).toBe('x'.repeat(100));
  });

  it('the item last opened is `item`, from 1, and only with the trainee it belongs to', () => {
    const href = hrefWithView(BASE, viewWith((v) => ((v.open = 'abc'), (v.item = 2))));
    expect(href).toBe(`${BASE}?open=abc&item=3`);
    expect(viewFromQuery(new URL(href).search)).toMatchObject({ open: 'abc', item: 2 });
    // No trainee open: no item, either way.
    expect(hrefWithView(BASE, viewWith((v) => (v.item = 2)))).toBe(BASE);
    expect(viewFromQuery('?item=3').item).toBeNull();
    // Not a whole number from 1: none.
    for (const item of ['0', '-1', '1.5', 'x', '', '01']) expect(viewFromQuery(`?open=abc&item=${item}`).item, item).toBeNull();
  });

  it('"All" rows reads `all` in the address (view.ts, rowsWord), and the page number counts from 1', () => {
    expect(hrefWithView(BASE, viewWith((v) => (v.pageSize = 0)))).toBe(`${BASE}?rows=all`);
    expect(viewFromQuery('?rows=all').pageSize).toBe(0);
    // An address written by hand, or by an earlier visit: page=2 is the second page.
    expect(viewFromQuery('?page=2&flagged=yes')).toMatchObject({ page: 1, filter: { flagged: true } });
  });

  it('a name given twice: the first is read, as hrefWithView keeps the first', () => {
    expect(viewFromQuery('?sort=score&sort=items&q=Ana&q=Bo')).toMatchObject({ sort: { key: 'score' }, filter: { text: 'Ana' } });
  });

  it('page=0, which the page never writes, is a value the controls do not offer: the first page', () => {
    // README: "a value the controls do not offer is ignored"; View.page counts from 0.
    expect(viewFromQuery('?page=0').page).toBe(0);
    expect(viewFromQuery('?page=-3').page).toBe(0);
  });

  // Found by the view's mutation audit: README says "a page past the last shows the last", but a page
  // number of 10 digits or more (page=1000000000) was taken for a value the controls do not offer,
  // and the first page showed.
  it('a page number past any last page, however many digits it has, reads as a page past the last', () => {
    for (const digits of ['1000000000', '12345678901', '9'.repeat(400)]) {
      const { page } = viewFromQuery(`?page=${digits}`);
      // A whole number (written back to the address as one), at least as far as page=999999999 goes.
      expect(Number.isSafeInteger(page)).toBe(true);
      expect(page).toBeGreaterThanOrEqual(999_999_998);
    }
  });

  it('a filter text up to FILTER_TEXT_MAX (500) characters is written and read back; a longer one is neither', () => {
    // view.ts: "The longest text filter an address brings back"; a longer one is not written ("the
    // field keeps it"), and one in an address edited by hand leaves the field empty.
    const at = 'a'.repeat(500);
    const over = 'a'.repeat(501);
    const href = hrefWithView(BASE, viewWith((v) => (v.filter.text = at)));
    expect(href).toBe(`${BASE}?q=${at}`);
    expect(viewFromQuery(new URL(href).search).filter.text).toBe(at);
    expect(hrefWithView(`${BASE}?q=old`, viewWith((v) => (v.filter.text = over)))).toBe(BASE);
    expect(viewFromQuery(`?q=${over}`).filter.text).toBe('');
  });

  it('an empty pair in the query (a doubled or a leading "&") is other text: kept as it is, never a failure', () => {
    expect(hrefWithView(`${BASE}?a=1&&q=x#h`, viewWith((v) => (v.filter.text = 'y')))).toBe(`${BASE}?a=1&&q=y#h`);
    expect(hrefWithView(`${BASE}?&q=x&b=2`, defaultView())).toBe(`${BASE}?&b=2`);
  });

  it('nothing to change: the address itself, even one ending in an empty "?"', () => {
    // view.ts: "Nothing to change returns `href` itself"; README: any other query or hash is left as it is.
    expect(hrefWithView(`${BASE}?`, defaultView())).toBe(`${BASE}?`);
    expect(hrefWithView(`${BASE}?#h`, defaultView())).toBe(`${BASE}?#h`);
  });
});
