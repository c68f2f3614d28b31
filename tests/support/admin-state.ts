// The admin page's state (src/components/admin/admin.svelte.ts) in Node, for unit tests: no
// IndexedDB (the storage works in memory, see src/components/storage/kv-store.ts), no other tab, no
// document to listen to, and no site to fetch from. Sessions are made as the trainer makes them
// (./admin-results.ts) and read back by the page's reader (./verified.ts).
import { vi } from 'vitest';
import { AdminState, type Session } from '../../src/components/admin/admin.svelte.ts';
import type { Result } from '../../src/lib/results/result.ts';
import type { Scenario } from '../../src/lib/schemas/scenario.ts';
import type { TraineeReview } from '../../src/lib/schemas/result.ts';
import { bankScenarios, verified } from './verified.ts';

/** Stubs what a browser has and Node has not; undone by `vi.unstubAllGlobals()`. */
export function stubBrowser(): void {
  vi.stubGlobal('BroadcastChannel', undefined);
  vi.stubGlobal('document', { addEventListener() {}, removeEventListener() {}, visibilityState: 'visible' });
  vi.stubGlobal('addEventListener', () => {});
  vi.stubGlobal('removeEventListener', () => {});
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
  // The site does not answer: nothing is fetched.
  vi.stubGlobal('fetch', async () => {
    throw new TypeError('Failed to fetch');
  });
}

/** An admin page's state, opened and loaded (call `stubBrowser` first). */
export async function loadedAdmin(): Promise<AdminState> {
  const admin = new AdminState();
  await admin.load();
  return admin;
}

/** The bank's scenarios by program and channel. */
export const mozTwitter: Scenario[] = bankScenarios.filter((s) => s.pack === 'mozilla' && s.channel === 'twitter' && !s.followUps?.length);
export const mozPlay: Scenario[] = bankScenarios.filter((s) => s.pack === 'mozilla' && s.channel === 'google-play' && !s.followUps?.length);
export const gitlab: Scenario[] = bankScenarios.filter((s) => s.pack === 'gitlab' && !s.followUps?.length);

/** A session as the page holds one once its file is imported as `file`. */
export function asSession(result: Result, file: string, id = file): Session {
  const r = verified(result);
  const key = `${r.trainee.name.trim().toLowerCase()}|${(r.trainee.handle ?? '').trim().toLowerCase()}`;
  return { ...r, id, file, traineeKey: key, sessionKey: `${key}|${r.startedAt}` };
}

/** A trainee's review that meets every access criterion and sign-off on 2026-12-01 (the #fxhelp date months before). */
export function fullReview(name: string, handle: string | null = null): TraineeReview {
  return {
    name,
    handle,
    fxhelpSince: '2026-06-01',
    criteria: { instincts: true, clarity: true, collaboration: true, judgement: true, nda: true },
    notes: '',
    moderator: { name: 'Mo Derator', date: '2026-11-20' },
    admin: { name: 'Ada Min', date: '2026-11-21' },
  };
}

/** A review of a trainee with nothing written in it (as a trainee opened and left). */
export function emptyReview(name: string, handle: string | null = null): TraineeReview {
  return {
    name,
    handle,
    fxhelpSince: '',
    criteria: { instincts: false, clarity: false, collaboration: false, judgement: false, nda: false },
    notes: '',
    moderator: { name: '', date: '' },
    admin: { name: '', date: '' },
  };
}
