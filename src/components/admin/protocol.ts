// Messages between the admin page and its import workers.
import type { Verification } from '../../lib/results/flags.ts';

/** From the page to a worker: the bank to compare with, or a batch of files to verify. */
export type ToWorker = { type: 'bank'; bank: unknown[] } | { type: 'verify'; batch: number; files: File[] };

/** From a worker to the page: one outcome per file of a batch, in order. */
export type FromWorker = { type: 'verified'; batch: number; outcomes: Verification[] };
