// What the readiness table shows (its filters, its order, its rows per page and its page) and the
// trainee open under it, with the item of theirs last opened, kept in the page's address so that a
// reload, or Back from a guideline page (an item's explanation links to its section), brings the
// admin back to the same place. Only what differs from the default view is written (a default view
// has a clean address); every value read is checked against what the controls offer (view-query.ts, with zod,
// loaded only when the address holds a query), and one that is not (a link edited by hand, an
// older page's) leaves that control at its default.

import { DIMENSION_IDS } from '../../lib/policy/grade.ts';
import { PACK_IDS } from '../../lib/vocabulary.ts';

/** The Program filter's choices, in the order it offers them: every session, one program's, or the sets that mix programs (no one program). */
export const PROGRAM_FILTERS = ['all', ...PACK_IDS, 'mixed'] as const;

/** What the Program filter keeps. */
export type ProgramFilter = (typeof PROGRAM_FILTERS)[number];

/** Columns the table sorts by. */
export const SORT_KEYS = ['trainee', 'file', 'mode', 'program', 'items', 'score', ...DIMENSION_IDS, 'critical', 'ready', 'flags'] as const;

export type SortKey = (typeof SORT_KEYS)[number];

/** The page sizes the table offers (0: every row on one page); the second is the default. */
export const PAGE_SIZES = [25, 100, 250, 0] as const;

/** The longest text filter an address brings back (the field takes any length; a name, a handle or a file is far shorter). */
export const FILTER_TEXT_MAX = 500;

/** What the table shows. */
export interface View {
  filter: { text: string; mode: 'all' | 'practice' | 'assessment'; program: ProgramFilter; ready: 'all' | 'yes' | 'no'; flagged: boolean };
  sort: { key: SortKey; dir: 'ascending' | 'descending' };
  /** Rows per page; 0 shows them all. */
  pageSize: number;
  /** The page shown, from 0. */
  page: number;
  /** The id of the session open under the table, if any (an id no session has opens none). */
  open: string | null;
  /** The item of the open session last opened, from 0 (`null`: none; one it does not have opens none). */
  item: number | null;
}

/** The view of a fresh visit. */
export const defaultView = (): View => ({
  filter: { text: '', mode: 'all', program: 'all', ready: 'all', flagged: false },
  sort: { key: 'trainee', dir: 'ascending' },
  pageSize: PAGE_SIZES[1],
  page: 0,
  open: null,
  item: null,
});

/** The names the view takes in the address (any other is left as it is). */
export const VIEW_NAMES = ['q', 'mode', 'program', 'ready', 'flagged', 'sort', 'dir', 'rows', 'page', 'open', 'item'] as const;

/** The longest session id an address brings back (the page makes ids of some 20 characters). */
export const OPEN_ID_MAX = 100;

/** How the page size reads in the address: "All" is `all`. */
export const rowsWord = (size: number): string => (size === 0 ? 'all' : String(size));

/** One of the names the view takes in the address. */
const isViewName = (name: string): name is (typeof VIEW_NAMES)[number] => (VIEW_NAMES as readonly string[]).includes(name);

/** `name=value` as a form writes it (what `URLSearchParams` writes, and reads back). */
const pair = (name: string, value: string): string => new URLSearchParams([[name, value]]).toString();

/**
 * The address `href` with `view` in its query: only what differs from the default view, and
 * whatever else the address holds (another query, a hash) kept as it is, byte for byte. Only the
 * view's own `name=value` pairs change: one whose value the view keeps stays as it is spelled, one
 * it changes is written where it stood, a new one goes after the rest, and one the view no longer
 * needs (or a name given twice, of which the page reads the first) goes. Nothing to change returns
 * `href` itself.
 */
export function hrefWithView(href: string, view: View): string {
  const d = defaultView();
  // An id longer than an address brings back is not written, nor, then, its item.
  const open = view.open !== null && view.open.length <= OPEN_ID_MAX ? view.open : null;
  const values: Record<(typeof VIEW_NAMES)[number], string | null> = {
    // A text longer than an address brings back is not written (the field keeps it).
    q: view.filter.text !== d.filter.text && view.filter.text.length <= FILTER_TEXT_MAX ? view.filter.text : null,
    mode: view.filter.mode !== d.filter.mode ? view.filter.mode : null,
    program: view.filter.program !== d.filter.program ? view.filter.program : null,
    ready: view.filter.ready !== d.filter.ready ? view.filter.ready : null,
    flagged: view.filter.flagged ? 'yes' : null,
    sort: view.sort.key !== d.sort.key ? view.sort.key : null,
    dir: view.sort.dir === 'descending' ? 'desc' : null,
    rows: view.pageSize !== d.pageSize ? rowsWord(view.pageSize) : null,
    page: view.page > 0 ? String(view.page + 1) : null,
    open,
    // An item only with its session, from 1 as the page shows items.
    item: open !== null && view.item !== null ? String(view.item + 1) : null,
  };
  // Cut by hand rather than through URL.searchParams, which writes the whole query again in its
  // own spelling ("a%20b" as "a+b", "bar" as "bar=").
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt < 0 ? href : href.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 ? '' : beforeHash.slice(queryAt + 1);
  const parts: string[] = [];
  const written = new Set<string>();
  for (const part of query === '' ? [] : query.split('&')) {
    const [entry] = new URLSearchParams(part);
    if (!entry || !isViewName(entry[0])) {
      parts.push(part);
      continue;
    }
    const value = values[entry[0]];
    if (value === null || written.has(entry[0])) continue;
    written.add(entry[0]);
    parts.push(entry[1] === value ? part : pair(entry[0], value));
  }
  for (const name of VIEW_NAMES) {
    const value = values[name];
    if (value !== null && !written.has(name)) parts.push(pair(name, value));
  }
  const search = parts.join('&');
  if (search === query) return href;
  // No "?" left over once the last value is gone.
  return `${path}${search === '' ? '' : `?${search}`}${hash}`;
}
