/**
 * After the build, each page's content security policy gains the hashes of the inline scripts,
 * styles and style attributes the build wrote into that page, and nothing else: what the page
 * holds as text can never match a hash, and what the build wrote keeps running.
 *
 * Expected hashes are computed here from the exact inline text, as the CSP spec defines a hash
 * source: the base64 of the SHA-256 digest of the text's UTF-8 bytes. The policy is read back
 * from the page as a browser reads it (an HTML parser decodes the attribute; the policy parser
 * splits it at ";" and at ASCII whitespace).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { afterEach, describe, expect, test } from 'vitest';
import cspHashes, { completePolicy } from '../../src/integrations/csp-hashes.ts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;

/** The policy as Astro writes it (astro.config.mjs), with the hash of one bundled script. */
const ASTRO_POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; worker-src 'self'; " +
  "script-src 'self' 'sha256-hP48sUywTAXyg22qvpdOC/cYIA8MfPdKEbPC/mvGk4M='; style-src 'self' 'sha256-jgayTnRvAoJcXSpe2sEPA2iW2Y5pBpD9fHMEuf9jM2g=';";

/** The directives of `policy`, in order, as the CSP spec parses a serialized policy. */
function directives(policy: string): [string, string[]][] {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const [name, ...sources] = d.split(/[\t\n\f\r ]+/);
      return [name!.toLowerCase(), sources];
    });
}

/** The policy metas of a page, as a browser reads their `content`. */
function policies(html: string): string[] {
  return selectAll('meta', fromHtml(html))
    .filter((m) => String(m.properties.httpEquiv).toLowerCase() === 'content-security-policy')
    .map((m) => String(m.properties.content));
}

/** The one policy of a completed page, by directive, each directive's sources sorted; a directive or a source written twice fails. */
function policyOf(html: string): Map<string, string[]> {
  const metas = policies(html);
  expect(metas).toHaveLength(1);
  const list = directives(metas[0]!);
  const map = new Map(list);
  expect(map.size, 'a directive written twice').toBe(list.length);
  for (const [name, sources] of list) expect(new Set(sources).size, `a source written twice in ${name}`).toBe(sources.length);
  // The order of a directive's sources means nothing.
  return new Map(list.map(([name, sources]) => [name, sources.toSorted()]));
}

const page = (body: string, { head = '', policy = ASTRO_POLICY } = {}) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">${head}</head><body>${body}</body></html>`;

const sorted = (sources: string[]) => sources.toSorted();
const original = new Map(directives(ASTRO_POLICY));
const had = (directive: string) => original.get(directive)!;

describe('completePolicy: inline scripts', () => {
  test('each inline script the page holds is allowed by the hash of its exact text, and the search may run WebAssembly', () => {
    const theme = `\n  const theme = localStorage.getItem('starlight-theme');\n  document.documentElement.dataset.theme = theme === 'light' ? 'light' : 'dark';\n`;
    const module = `import "/_astro/page.js"; if (1 < 2 && 3 > 2) console.log('a & b');`;
    const policy = policyOf(completePolicy(page(`<script>${module}</script>`, { head: `<script>${theme}</script>` })));
    expect(policy.get('script-src')).toEqual(sorted([...had('script-src'), "'wasm-unsafe-eval'", sha256(theme), sha256(module)]));
  });

  test('a script with attributes, type="module" or any other, is hashed just the same', () => {
    const a = 'document.body.dataset.ready = "yes";';
    const b = '{"@context":"https://schema.org"}';
    const c = 'window.sidebar = true;';
    const html = page(`<script type="module">${a}</script><script type="application/ld+json" id="data">${b}</script><script aria-hidden="true" data-src="x">${c}</script>`);
    expect(policyOf(completePolicy(html)).get('script-src')).toEqual(sorted([...had('script-src'), "'wasm-unsafe-eval'", sha256(a), sha256(b), sha256(c)]));
  });

  test('a script loaded from a file needs no hash: "self" allows it, and what stands between its tags never runs', () => {
    const html = page(`<script type="module" src="/_astro/page.js"></script><script src="/_astro/other.js">alert(1)</script><SCRIPT SRC="/x.js">alert(2)</SCRIPT>`);
    expect(policyOf(completePolicy(html)).get('script-src')).toEqual(sorted([...had('script-src'), "'wasm-unsafe-eval'"]));
  });

  test('tags are read whatever their case, as HTML reads them', () => {
    const text = 'window.loud = 1;';
    const style = 'p{margin:0}';
    const policy = policyOf(completePolicy(page(`<SCRIPT Type="module">${text}</Script><STYLE>${style}</STYLE>`)));
    expect(policy.get('script-src')).toContain(sha256(text));
    expect(policy.get('style-src')).toContain(sha256(style));
  });

  test('text outside any script, a user’s words escaped as the build escapes them, gains no hash', () => {
    const words = 'alert(1)';
    const html = page(`<p>&lt;script&gt;${words}&lt;/script&gt;</p><p>&lt;style&gt;p{}&lt;/style&gt;</p>`);
    const policy = policyOf(completePolicy(html));
    expect(policy.get('script-src')).toEqual(sorted([...had('script-src'), "'wasm-unsafe-eval'"]));
    expect(policy.get('style-src')).toEqual(sorted(had('style-src')));
  });

  test('text that is not ASCII is hashed as its UTF-8 bytes, as the browser hashes it', () => {
    const text = 'document.title = "Café — ✓ 😀";';
    expect(policyOf(completePolicy(page(`<script>${text}</script>`))).get('script-src')).toContain(sha256(text));
  });

  test('a script whose hash the policy already holds is not listed twice', () => {
    const text = 'window.known = 1;';
    const policy = ASTRO_POLICY.replace("script-src 'self'", `script-src 'self' ${sha256(text)}`);
    const sources = policyOf(completePolicy(page(`<script>${text}</script><script>${text}</script>`, { policy }))).get('script-src')!;
    expect(sources.filter((s) => s === sha256(text))).toHaveLength(1);
    expect(new Set(sources).size).toBe(sources.length);
  });

  test('two scripts with the same text give one hash', () => {
    const text = 'window.twice = 1;';
    const sources = policyOf(completePolicy(page(`<script>${text}</script><script>${text}</script>`))).get('script-src')!;
    expect(sources).toEqual(sorted([...had('script-src'), "'wasm-unsafe-eval'", sha256(text)]));
  });
});

describe('completePolicy: styles and style attributes', () => {
  test('each inline style is allowed by the hash of its exact text, an empty one too; scripts keep their own directive', () => {
    const a = '\n:root { --sl-nav-height: 3.5rem; }\n';
    const b = 'a[href^="https:"]::after { content: "↗"; }';
    const policy = policyOf(completePolicy(page(`<style>${a}</style><style data-vite-dev-id="x">${b}</style><style></style>`)));
    // The hash of nothing, a well-known value.
    expect(sha256('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(policy.get('style-src')).toEqual(sorted([...had('style-src'), sha256(a), sha256(b), sha256('')]));
    expect(policy.get('script-src')).toEqual(sorted([...had('script-src'), "'wasm-unsafe-eval'"]));
  });

  test('a style attribute is allowed by the hash of its value, which a hash allows only with unsafe-hashes', () => {
    const html = page(`<svg style="--sl-icon-size: 1.5rem;"></svg><li style="--depth: 0;"></li><li style="--depth: 0;"></li>`);
    const policy = policyOf(completePolicy(html));
    expect(policy.get('style-src')).toEqual(sorted([...had('style-src'), "'unsafe-hashes'", sha256('--sl-icon-size: 1.5rem;'), sha256('--depth: 0;')]));
    expect(policy.get('script-src')).toEqual(sorted([...had('script-src'), "'wasm-unsafe-eval'"]));
  });

  test('no style attribute: unsafe-hashes is not added', () => {
    const policy = policyOf(completePolicy(page('<p class="x">No style here</p><style>p{}</style>')));
    expect(policy.get('style-src')).toEqual(sorted([...had('style-src'), sha256('p{}')]));
  });

  test('a style attribute is hashed as the browser reads it: every entity the build writes decoded, once', () => {
    // The browser hashes the attribute's value, its entities decoded.
    const written = 'font-family: &quot;Inter&quot;, &#39;Noto&#39;, &#x27;Sans&#x27;; --a: &lt;b&gt;; --b: &amp;lt;; --c: &amp;quot;; --d: a&amp;b; --e: café';
    const read = `font-family: "Inter", 'Noto', 'Sans'; --a: <b>; --b: &lt;; --c: &quot;; --d: a&b; --e: café`;
    const html = page(`<div style="${written}"></div>`);
    const fromBrowser = selectAll('div', fromHtml(html)).map((d: Element) => String(d.properties.style));
    expect(fromBrowser).toEqual([read]);
    expect(policyOf(completePolicy(html)).get('style-src')).toEqual(sorted([...had('style-src'), "'unsafe-hashes'", sha256(read)]));
  });

  test('an attribute that only ends in "style" is not a style attribute and gains no hash', () => {
    const html = page(`<div data-style="color: red" data-xstyle="x"></div>`);
    const policy = policyOf(completePolicy(html));
    expect(policy.get('style-src')).toEqual(sorted(had('style-src')));
  });
});

describe('completePolicy: the policy itself', () => {
  test('every other directive is kept as it was, in its place, and none is written twice', () => {
    const html = page('<script>a()</script><style>b{}</style><i style="c:d"></i>');
    const policy = policyOf(completePolicy(html));
    expect([...policy.keys()]).toEqual([...original.keys()]);
    for (const [name, sources] of original) {
      if (name !== 'script-src' && name !== 'style-src') expect(policy.get(name), name).toEqual(sorted(sources));
    }
  });

  test('nothing but the hashes and wasm-unsafe-eval is added: no unsafe-inline, no unsafe-eval, no other source', () => {
    const html = page('<script>a()</script><style>b{}</style><i style="c:d"></i>');
    const policy = policyOf(completePolicy(html));
    expect(policy.get('script-src')).toEqual(sorted([...had('script-src'), "'wasm-unsafe-eval'", sha256('a()')]));
    expect(policy.get('style-src')).toEqual(sorted([...had('style-src'), sha256('b{}'), "'unsafe-hashes'", sha256('c:d')]));
    const all = [...policy.values()].flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
  });

  test('a policy without script-src or style-src gains each, once, with only what the page needs', () => {
    const policy = "default-src 'self'; img-src 'self' data:";
    const done = policyOf(completePolicy(page('<script>a()</script><style>b{}</style>', { policy })));
    expect([...done]).toEqual([
      ['default-src', ["'self'"]],
      ['img-src', sorted(["'self'", 'data:'])],
      ['script-src', sorted(["'wasm-unsafe-eval'", sha256('a()')])],
      ['style-src', [sha256('b{}')]],
    ]);
  });

  test('a policy that already holds what the page needs is kept as it is', () => {
    const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${sha256('a()')}; style-src 'self' ${sha256('b{}')}`;
    const done = policyOf(completePolicy(page('<script>a()</script><style>b{}</style>', { policy })));
    expect([...done]).toEqual(directives(policy).map(([name, sources]) => [name, sorted(sources)]));
  });

  test('sources are added to the directive named, not to one whose name only begins the same', () => {
    const policy = "default-src 'self'; script-src-elem 'self'; style-src-attr 'none'; script-src 'self'; style-src 'self'";
    const done = policyOf(completePolicy(page('<script>a()</script><i style="c:d"></i>', { policy })));
    expect(done.get('script-src-elem')).toEqual(sorted(["'self'"]));
    expect(done.get('style-src-attr')).toEqual(sorted(["'none'"]));
    expect(done.get('script-src')).toEqual(sorted(["'self'", "'wasm-unsafe-eval'", sha256('a()')]));
    expect(done.get('style-src')).toEqual(sorted(["'self'", "'unsafe-hashes'", sha256('c:d')]));
  });

  test('a directive is found whatever whitespace separates its name, its sources and the directives', () => {
    const policy = "default-src 'self';script-src\t'self'  'sha256-AAAA';\n  style-src 'self' ;";
    const done = policyOf(completePolicy(page('<script>a()</script><style>b{}</style>', { policy })));
    expect(done.get('script-src')).toEqual(sorted(["'self'", "'sha256-AAAA'", "'wasm-unsafe-eval'", sha256('a()')]));
    expect(done.get('style-src')).toEqual(sorted(["'self'", sha256('b{}')]));
  });

  test('a source the policy holds is known whatever whitespace surrounds it, and is not added again', () => {
    const policy = `default-src 'self'; script-src 'self'\t${sha256('a()')}\n'wasm-unsafe-eval'; style-src\t${sha256('b{}')}`;
    const done = policyOf(completePolicy(page('<script>a()</script><style>b{}</style>', { policy })));
    expect(done.get('script-src')).toEqual(sorted(["'self'", "'wasm-unsafe-eval'", sha256('a()')]));
    expect(done.get('style-src')).toEqual([sha256('b{}')]);
  });

  test('the first directive of the policy is completed like any other: what it holds is not added again', () => {
    const policy = `script-src 'self' 'wasm-unsafe-eval' ${sha256('a()')}; style-src 'self'`;
    const done = policyOf(completePolicy(page('<script>a()</script><script>b()</script>', { policy })));
    expect(done.get('script-src')).toEqual(sorted(["'self'", "'wasm-unsafe-eval'", sha256('a()'), sha256('b()')]));
  });

  test('the policy is read with its entities decoded and written back escaped: a browser reads the same sources', () => {
    // Quotes and ampersands in the attribute as Astro may write them; "&copy" is a character
    // reference to a browser, "&amp;copy" is not.
    const written = "default-src &#39;self&#39;; img-src https://img.example/?a=1&amp;b=&quot;2&quot;&amp;copy &#x27;self&#x27;; script-src &#39;self&#39;";
    const html = `<html><head><meta http-equiv="content-security-policy" content="${written}"></head><body><script>a()</script></body></html>`;
    const done = completePolicy(html);
    expect(policyOf(done).get('img-src')).toEqual(sorted(['https://img.example/?a=1&b="2"&copy', "'self'"]));
    expect(policyOf(done).get('default-src')).toEqual(sorted(["'self'"]));
    expect(policyOf(done).get('script-src')).toEqual(sorted(["'self'", "'wasm-unsafe-eval'", sha256('a()')]));
    // The attribute is written whole: nothing of the policy spills out of it.
    expect(selectAll('meta', fromHtml(done)).map((m) => Object.keys(m.properties).sort())).toEqual([['content', 'httpEquiv']]);
  });

  test('a "$" in the policy is written as it is, not read as a pattern that copies the page into the attribute', () => {
    // A path may hold "$" (RFC 3986), so a source from astro.config.mjs may: "$&", "$`" and "$'"
    // mean something to String.prototype.replace, and must not here.
    const policy = "default-src 'self'; img-src https://img.example/$&/$`/$'/";
    const html = page('<script>a()</script>', { policy });
    const done = completePolicy(html);
    expect(policyOf(done).get('img-src')).toEqual(['https://img.example/$&/$`/$\'/']);
    expect(done.length).toBeLessThan(html.length + 200);
  });

  test('the rest of the page is left exactly as it was', () => {
    const before = '<script>a()</script><p title="x &amp; y">Text &lt;b&gt; — ok</p><i style="c:d"></i>';
    const html = page(before, { head: '<style>b{}</style>' });
    const done = completePolicy(html);
    const meta = /<meta http-equiv="content-security-policy"[^>]*>/;
    expect(done.replace(meta, '')).toBe(html.replace(meta, ''));
  });

  test('the policy meta is found whatever the case of the attribute, and with a closing slash', () => {
    for (const tag of [`<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`, `<meta http-equiv="content-security-policy" content="script-src 'self'" />`]) {
      const done = completePolicy(`<html><head>${tag}</head><body><script>a()</script></body></html>`);
      expect(policyOf(done).get('script-src'), tag).toEqual(sorted(["'self'", "'wasm-unsafe-eval'", sha256('a()')]));
    }
  });

  test('a page without a policy is left exactly as it is: no policy is made up for it', () => {
    const html = '<html><head><meta name="viewport" content="width=device-width"></head><body><script>a()</script><i style="c:d"></i></body></html>';
    expect(completePolicy(html)).toBe(html);
  });
});

describe('the integration, after the build', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  test('completes the policy of every page, in every folder, and leaves other files alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'csp-hashes-'));
    mkdirSync(join(dir, 'practice', 'deep'), { recursive: true });
    const files = {
      'index.html': page('<script>a()</script>'),
      'practice/index.html': page('<style>b{}</style>'),
      'practice/deep/index.html': page('<i style="c:d"></i>'),
      'notes.txt': page('<script>a()</script>'),
      'page.htm': page('<script>a()</script>'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const said: string[] = [];
    const hook = cspHashes().hooks['astro:build:done'] as unknown as (options: { dir: URL; logger: { info: (m: string) => void } }) => void;
    hook({ dir: pathToFileURL(`${dir}/`), logger: { info: (m) => said.push(m) } });
    const read = (name: string) => readFileSync(join(dir!, name), 'utf8');
    expect(policyOf(read('index.html')).get('script-src')).toContain(sha256('a()'));
    expect(policyOf(read('practice/index.html')).get('style-src')).toContain(sha256('b{}'));
    expect(policyOf(read('practice/deep/index.html')).get('style-src')).toContain(sha256('c:d'));
    expect(read('notes.txt')).toBe(files['notes.txt']);
    expect(read('page.htm')).toBe(files['page.htm']);
    expect(said).toEqual(['completed the content security policy of 3 page(s)']);
  });
});
