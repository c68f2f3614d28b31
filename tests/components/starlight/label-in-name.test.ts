import { describe, expect, it } from 'vitest';
import { nameFromContent } from '../../../src/components/starlight/label-in-name.ts';

// Starlight's search button, rewritten so that its accessible name is the word it shows (WCAG 2.2,
// 2.5.3 Label in Name): a speech user says "Search" and reaches it. Its `aria-label` becomes a
// `title`, which names it where the word is hidden (narrow screens), and the word is no longer hidden
// from assistive technology. A Starlight update that changes the markup stops the build, rather than
// quietly undoing this.

/** The button as Starlight writes it (its search component, 0.42), around the rest of the header. */
const starlight = (label = 'Search') =>
  `<site-search><button data-open-modal disabled aria-label="${label}" aria-keyshortcuts="Control+K" class="x"><svg aria-hidden="true" class="x"></svg>` +
  `<span class="sl-hidden md:sl-block x" aria-hidden="true">${label}</span><kbd class="sl-hidden md:sl-flex x"><kbd>Ctrl</kbd><kbd>K</kbd></kbd></button></site-search><dialog aria-label="${label}"></dialog>`;

describe('the search button', () => {
  it('is named by the word it shows: no aria-label, a title with the same words, the word not hidden', () => {
    const html = nameFromContent(starlight());
    const button = /<button[^>]*>[\s\S]*?<\/button>/.exec(html)![0];
    expect(button).not.toContain('aria-label=');
    expect(button).toContain('title="Search"');
    expect(button).toContain('<span class="sl-hidden md:sl-block x">Search</span>');
    // Only the label's span changes: the icon stays hidden, the keys and everything else as they were.
    expect(button).toContain('<svg aria-hidden="true" class="x"></svg>');
    expect(html.replace(button, '')).toBe(starlight().replace(/<button[^>]*>[\s\S]*?<\/button>/, ''));
    expect(button).toMatch(/^<button data-open-modal disabled title="Search" aria-keyshortcuts="Control\+K" class="x">/);
  });

  it('in another language, the title is the label Starlight gave', () => {
    expect(nameFromContent(starlight('Suchen'))).toContain('title="Suchen"');
  });

  it('markup Starlight no longer writes stops the build, naming what to review', () => {
    expect(() => nameFromContent('<button data-open-modal>Search</button>')).toThrow(/search button markup changed; review src\/components\/starlight\//);
    // The button as expected, but its label no longer hidden the way it was.
    expect(() => nameFromContent(starlight().replace(' aria-hidden="true">Search', '>Search'))).toThrow(/search label markup changed/);
  });
});
