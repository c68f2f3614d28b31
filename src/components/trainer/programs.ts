// What the setup form offers, read from the packs when the page is built and handed to the island
// as a prop: the page then needs no pack data to show its first screen.
import { packs, PACK_IDS, type PackId } from '../../lib/index.ts';

/** A program and the queues a trainee can practise in. */
export interface ProgramChoice {
  id: PackId;
  name: string;
  queues: { id: string; name: string; use: string }[];
}

/** Every program, with its practice queues. */
export function programChoices(): ProgramChoice[] {
  return PACK_IDS.map((id) => ({
    id,
    name: packs[id].name,
    queues: packs[id].queues.filter((q) => q.practice).map((q) => ({ id: q.id, name: q.name, use: q.use })),
  }));
}
