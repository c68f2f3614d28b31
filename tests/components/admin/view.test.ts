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
