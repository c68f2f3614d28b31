/**
 * Rewrites Starlight's search button so that its accessible name is its visible text: the
 * `aria-label` becomes a `title` (the name when the text is hidden on narrow screens) and the
 * visible "Search" label is no longer hidden from assistive technology. Throws if the markup is
 * not the one expected, so that a Starlight update cannot silently undo the fix.
 */
export function nameFromContent(html: string): string {
  const button = /<button data-open-modal([^>]*?)\saria-label="([^"]*)"([^>]*)>([\s\S]*?)<\/button>/;
  const match = button.exec(html);
  if (!match) throw new Error('Search override: the search button markup changed; review src/components/starlight/.');
  const [whole, before, label, after, inner] = match as unknown as [string, string, string, string, string];
  const visible = inner.replace(/(<span class="[^"]*")\s+aria-hidden="true"/, '$1');
  if (visible === inner) throw new Error('Search override: the search label markup changed; review src/components/starlight/.');
  return html.replace(whole, `<button data-open-modal${before} title="${label}"${after}>${visible}</button>`);
}
