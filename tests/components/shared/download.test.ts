/**
 * Saving a file the page made with the browser's download: a link to the text, with the file's name,
 * clicked while it is in the page (Firefox follows only a link in the document), then taken out
 * again; its address is released later, once the browser has had time to start the download (an
 * address released at once may leave it nothing to save), and never kept for the page's life.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { download } from '../../../src/components/shared/download.ts';

/** A link as the page makes it, recording what it was when it was clicked. */
class FakeLink {
  href = '';
  download = '';
  inPage = false;
  clicks: { href: string; download: string; inPage: boolean }[] = [];
  click() {
    this.clicks.push({ href: this.href, download: this.download, inPage: this.inPage });
  }
  remove() {
    this.inPage = false;
  }
}

let links: FakeLink[];
let blobs: Map<string, Blob>;
let revoked: string[];

beforeEach(() => {
  vi.useFakeTimers();
  links = [];
  blobs = new Map();
  revoked = [];
  vi.stubGlobal('document', {
    createElement: (tag: string) => {
      expect(tag).toBe('a');
      const a = new FakeLink();
      links.push(a);
      return a;
    },
    body: {
      append: (a: FakeLink) => {
        a.inPage = true;
      },
    },
  });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:https://example.test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url);
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('download', () => {
  test('the text is saved under its name, with its type, by one click on a link in the page, taken out after', async () => {
    const text = 'id,score\r\nséance-1,0.75\r\n';
    download(text, 'cohort 2026-03-02.csv', 'text/csv;charset=utf-8');
    expect(links).toHaveLength(1);
    const [a] = links;
    expect(a!.clicks).toEqual([{ href: [...blobs.keys()][0], download: 'cohort 2026-03-02.csv', inPage: true }]);
    expect(a!.inPage).toBe(false);
    const blob = blobs.get(a!.clicks[0]!.href)!;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await blob.text()).toBe(text);
  });

  test('the address is not released at once, but is released within a minute', () => {
    download('{}', 'result.json', 'application/json');
    const url = links[0]!.clicks[0]!.href;
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(revoked).toEqual([url]);
  });
});
