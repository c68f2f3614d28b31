// What a drop on the admin page brings: the files dropped, and the result files of each folder
// dropped, walked to any depth. Only `.json` files are taken from folders (a folder of results
// often holds notes too); a file dropped by itself is always taken, so that a wrong one is named.
import type { Chosen } from './admin.svelte.ts';

/** The part of a drop's `DataTransfer` read here. */
export interface DropData {
  items: ArrayLike<{ kind: string; webkitGetAsEntry(): FileSystemEntry | null }>;
  files: ArrayLike<File>;
}

/** Whether a file in a folder is taken: a `.json` file, whatever the case of its extension. */
export const isJsonName = (name: string) => name.toLowerCase().endsWith('.json');

/** Every file under an entry, each named by its path from what was dropped. */
async function walk(entry: FileSystemEntry, inFolder: boolean): Promise<Chosen[]> {
  if (entry.isFile) {
    if (inFolder && !isJsonName(entry.name)) return [];
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, name: entry.fullPath.replace(/^\//, '') }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries hands out a folder in pieces: read until it gives nothing more.
  for (;;) {
    const piece = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (piece.length === 0) break;
    children.push(...piece);
  }
  return (await Promise.all(children.map((c) => walk(c, true)))).flat();
}

/**
 * The files a drop brings, in the order dropped. When the browser gives no entry for an item (a
 * drop made by a script, or an older browser), the drop's plain file list is taken instead.
 */
export async function droppedFiles(drop: DropData): Promise<Chosen[]> {
  const entries = Array.from(drop.items, (i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return Array.from(drop.files, (file) => ({ file, name: file.name }));
  return (await Promise.all(entries.map((e) => walk(e!, false)))).flat();
}
