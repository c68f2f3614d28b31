// Astro's `security.csp` writes a policy into every page with the hashes of the scripts and styles
// it bundles. A few inline pieces that the build itself produces are not in it: Starlight's small
// `is:inline` scripts (theme, sidebar), styles that Vite inlines, and the `style` attributes of
// Starlight's icons. After the build, this integration adds the hash of each of those to its page's
// policy, so that exactly what the build wrote can run and nothing else: text a user or a file
// supplies is never markup, so it can never match a hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Attribute values as the browser reads them: entities decoded. */
function decode(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&#x27;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Adds sources to one directive of a policy (`script-src 'self' ...`), leaving the others as they are. */
function extend(policy: string, directive: string, sources: Iterable<string>): string {
  const parts = policy.split(';').map((p) => p.trim()).filter(Boolean);
  const i = parts.findIndex((p) => p.split(/\s+/)[0] === directive);
  const have = new Set(i >= 0 ? parts[i]!.split(/\s+/).slice(1) : []);
  const add = [...sources].filter((s) => !have.has(s));
  if (!add.length) return policy;
  if (i >= 0) parts[i] = `${parts[i]} ${add.join(' ')}`;
  else parts.push(`${directive} ${add.join(' ')}`);
  return `${parts.join('; ')};`;
}

/** The policy of one built page, with the hashes of its own inline scripts, styles and style attributes added. */
export function completePolicy(html: string): string {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i.exec(html);
  if (!meta) return html;
  let policy = decode(meta[1]!);
  const scripts = new Set<string>();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc=/i.test(m[1] ?? '') || !m[2]) continue;
    scripts.add(hash(m[2]));
  }
  const styles = new Set<string>();
  for (const m of html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style>/gi)) styles.add(hash(m[2] ?? ''));
  const attributes = new Set<string>();
  for (const m of html.matchAll(/\sstyle="([^"]*)"/gi)) attributes.add(hash(decode(m[1]!)));
  // Pagefind, the search, runs WebAssembly.
  policy = extend(policy, 'script-src', ["'wasm-unsafe-eval'", ...scripts]);
  policy = extend(policy, 'style-src', [...styles, ...(attributes.size ? ["'unsafe-hashes'", ...attributes] : [])]);
  const content = policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  // A function, so that "$&", "$`" or "$'" in the policy is not read as a replacement pattern.
  return html.replace(meta[0], () => `<meta http-equiv="content-security-policy" content="${content}">`);
}

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

/** The integration: completes the policy of every built page. */
export default function cspHashes(): AstroIntegration {
  return {
    name: 'csp-hashes',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        for (const file of files) {
          const html = readFileSync(file, 'utf8');
          const done = completePolicy(html);
          if (done !== html) writeFileSync(file, done);
        }
        logger.info(`completed the content security policy of ${files.length} page(s)`);
      },
    },
  };
}
