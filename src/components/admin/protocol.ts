// Messages between the admin page and its import workers.
import type { Verification } from '../../lib/results/flags.ts';

/** A file of a batch: its length in the batch's bytes, or why it was not read. */
export type Part = { bytes: number } | { problem: string };

/**
 * From the page to a worker: the bank to compare with (and its earlier wordings), or a batch of files to verify, read by the
 * page into one buffer (handed over, not copied) and cut by `parts`, in order.
 */
export type ToWorker = { type: 'bank'; bank: unknown[]; earlier: unknown[] } | { type: 'verify'; batch: number; bytes: ArrayBuffer; parts: Part[] };

/** From a worker to the page: one outcome per file of a batch, in order. */
export type FromWorker = { type: 'verified'; batch: number; outcomes: Verification[] };
