// The view an address asks for (see view.ts), read by its schema. Apart from view.ts so that zod,
// which the page otherwise loads only when a file is read, comes only for an address with a query.

import { z } from '../../lib/schemas/zod.ts';
import { FILTER_TEXT_MAX, OPEN_ID_MAX, PAGE_SIZES, PROGRAM_FILTERS, rowsWord, SORT_KEYS, VIEW_NAMES, type View } from './view.ts';

/**
 * The view's fields in the address, each as the page writes it, and any other value caught: the
 * default stands in for it. The page, from 1 in the address, is a whole number (how far it goes
 * is known once the table is, see AdminState.load).
 */
const ViewQuery = z.object({
  q: z.string().min(1).max(FILTER_TEXT_MAX).catch(''),
  mode: z.enum(['all', 'practice', 'assessment']).catch('all'),
  program: z.enum(PROGRAM_FILTERS).catch('all'),
  ready: z.enum(['all', 'yes', 'no']).catch('all'),
  flagged: z
    .literal('yes')
    .transform(() => true)
    .catch(false),
  sort: z.enum(SORT_KEYS).catch('trainee'),
  dir: z
    .literal('desc')
    .transform((): View['sort']['dir'] => 'descending')
    .catch('ascending'),
  rows: z
    .enum(PAGE_SIZES.map(rowsWord) as [string, ...string[]])
    .transform((w) => (w === 'all' ? 0 : Number(w)))
    .catch(PAGE_SIZES[1]),
  page: z
    .string()
    .regex(/^[1-9][0-9]*$/)
    // However far past the last page, the last shows (AdminState.load): a number longer than any
    // count of pages is held at a billion, which stays a whole number written back as one.
    .transform((n) => Math.min(Number(n), 1e9) - 1)
    .catch(0),
  // Whether a session has this id is known once the cohort is (AdminState.load).
  open: z.string().min(1).max(OPEN_ID_MAX).nullable().catch(null),
  // From 1 in the address; whether the session has it is known once its items are read (TraineePanel).
  item: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/)
    .transform((n) => Number(n) - 1)
    .nullable()
    .catch(null),
});

// Every name the address takes is checked here, and no other: the compiler says so.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyName: Same<keyof typeof ViewQuery.shape, (typeof VIEW_NAMES)[number]> = true;
void everyName;

/** The view an address's query asks for (`location.search`); never throws. */
export function viewFromQuery(search: string): View {
  const params = new URLSearchParams(search);
  // The first of a name given twice, as the page never writes it.
  const v = ViewQuery.parse(Object.fromEntries(VIEW_NAMES.map((n) => [n, params.get(n) ?? undefined])));
  return {
    filter: { text: v.q, mode: v.mode, program: v.program, ready: v.ready, flagged: v.flagged },
    sort: { key: v.sort, dir: v.dir },
    pageSize: v.rows,
    page: v.page,
    open: v.open,
    item: v.open === null ? null : v.item,
  };
}

