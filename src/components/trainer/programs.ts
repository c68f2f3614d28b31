// What the setup form offers, read from the packs when the page is built and handed to the island
// as a prop: the page then needs no pack data to show its first screen. With each program, the
// version of its guidelines: Past sessions tells a session kept under another by it.
import { packs, PACK_IDS, type PackId } from '../../lib/index.ts';

/** A program and the queues a trainee can practise in. */
export interface ProgramChoice {
  id: PackId;
  name: string;
  /** The version of its pack (its guidelines). */
  version: string;
  queues: { id: string; name: string; use: string }[];
}

/** Every program, with its practice queues. */
export function programChoices(): ProgramChoice[] {
  return PACK_IDS.map((id) => ({
    id,
    name: packs[id].name,
    version: packs[id].version,
    queues: packs[id].queues.filter((q) => q.practice).map((q) => ({ id: q.id, name: q.name, use: q.use })),
  }));
}
