// Parts of a page that come in chunks of their own, loaded by `import()` once they are needed. When
// the connection drops, such a load fails; some browsers then keep the failure, and the same import
// fails again without asking the network until the page is reloaded (Chromium 150 and 153 do, and
// the chunks it needs that failed with it are kept failed too; Chromium 156 asks again). A load also
// fails for good once a new version of the site is put up whose chunks have other names. So when
// the site answers although a load failed, the load is tried once more at once, and if that fails
// too the page offers a reload besides Try again: a reload fetches the page and its chunks anew,
// in both cases.

/** A part of the page that could not be loaded; `reloadNeeded` when the site answered all the same. */
export class PartNotLoaded extends Error {
  readonly reloadNeeded: boolean;

  constructor(reloadNeeded: boolean, options?: ErrorOptions) {
    super(reloadNeeded ? 'a part of the page could not be loaded, though the site answers' : 'a part of the page could not be loaded', options);
    this.name = 'PartNotLoaded';
    this.reloadNeeded = reloadNeeded;
  }
}

/** How long the site is given to answer: a connection that hangs counts as none. */
export const SITE_ANSWERS_MS = 5_000;

/**
 * Whether an answer of `status` means the site answers. Any answer comes over a working connection;
 * only a site that is down (a server error: 500, 502, 503, 504…) counts as not answering. A host
 * that refuses HEAD (405 Method Not Allowed, 501 Not Implemented) answers, and so does one that no
 * longer has this page's address (404, after a redeploy): a reload is then what shows what is there.
 */
const answered = (status: number): boolean => status < 500 || status === 501;

/** Whether the site answers now: this page's address asked again, never from the cache. */
export async function siteAnswers(): Promise<boolean> {
  const giveUp = new AbortController();
  const timer = setTimeout(() => giveUp.abort(), SITE_ANSWERS_MS);
  try {
    return answered((await fetch(location.href, { method: 'HEAD', cache: 'no-store', signal: giveUp.signal })).status);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `load()`, or a `PartNotLoaded`: not loaded with the site out of reach (try again once connected),
 * or not loaded twice while the site answers (a reload is what will load it, in a browser that keeps
 * a failed load and after a new version of the site alike).
 */
export async function loadPart<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (first) {
    if (first instanceof PartNotLoaded) throw first;
    if (!(await siteAnswers())) throw new PartNotLoaded(false, { cause: first });
    try {
      return await load();
    } catch (again) {
      throw new PartNotLoaded(true, { cause: again });
    }
  }
}

/** Whether `e` says a reload is what will load the part. */
export const reloadNeeded = (e: unknown): boolean => e instanceof PartNotLoaded && e.reloadNeeded;
