// What a drop on the admin page brings: the files dropped, and the result files of each folder
// dropped, walked to any depth. Only `.json` files are taken from folders (a folder of results
// often holds notes too); a file dropped by itself is always taken, so that a wrong one is named.
import { isJsonName } from '../../lib/results/file-name.ts';
import { unreadableProblem } from '../../lib/results/flags.ts';
import type { Chosen, Rejected } from './admin.svelte.ts';

/** The part of a drop's `DataTransfer` read here. */
export interface DropData {
  items: ArrayLike<{ kind: string; webkitGetAsEntry(): FileSystemEntry | null }>;
  files: ArrayLike<File>;
}

/** What a drop brings: the files to import, and the files and folders the browser could not read. */
export interface Dropped {
  chosen: Chosen[];
  unread: Rejected[];
  /** The names of the folders dropped (not those inside them): what a drop of no result file names. */
  folders: string[];
}

const nameOf = (entry: FileSystemEntry) => entry.fullPath.replace(/^\//, '');
const errorName = (e: unknown) => (e instanceof Error || e instanceof DOMException ? e.name : 'Error');

/**
 * Every file under an entry, each named by its path from what was dropped. A file or folder the
 * browser will not read (no permission, gone since the drop) is noted in `unread`, and the walk goes
 * on: the rest of the drop is imported.
 */
async function walk(entry: FileSystemEntry, inFolder: boolean, unread: Rejected[]): Promise<Chosen[]> {
  if (entry.isFile) {
    if (inFolder && !isJsonName(entry.name)) return [];
    try {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      return [{ file, name: nameOf(entry) }];
    } catch (e) {
      unread.push({ file: nameOf(entry), problems: [unreadableProblem(errorName(e))] });
      return [];
    }
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries hands out a folder in pieces: read until it gives nothing more.
  try {
    for (;;) {
      const piece = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (piece.length === 0) break;
      children.push(...piece);
    }
  } catch (e) {
    const read = children.length ? `only ${children.length} of its entries were read` : 'none of its files was imported';
    unread.push({ file: `${nameOf(entry)}/`, problems: [`(folder): the browser could not read it (${errorName(e)}); ${read}`] });
  }
  return (await Promise.all(children.map((c) => walk(c, true, unread)))).flat();
}

/**
 * The files a drop brings, in the order dropped, and what could not be read. When the browser gives
 * no entry for an item (a drop made by a script, or an older browser), the drop's plain file list
 * is taken instead.
 */
export async function droppedFiles(drop: DropData): Promise<Dropped> {
  const entries = Array.from(drop.items, (i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return { chosen: Array.from(drop.files, (file) => ({ file, name: file.name })), unread: [], folders: [] };
  const unread: Rejected[] = [];
  const chosen = (await Promise.all(entries.map((e) => walk(e!, false, unread)))).flat();
  unread.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { chosen, unread, folders: entries.filter((e) => e!.isDirectory).map((e) => e!.name) };
}
