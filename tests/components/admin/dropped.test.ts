// What a drop brings to the admin page (src/components/admin/dropped.ts), with entries made here
// the way a browser hands them out: a folder read in pieces, files read by callback.
import { describe, expect, it } from 'vitest';
import { droppedFiles, type DropData } from '../../../src/components/admin/dropped.ts';

type Entry = FileSystemEntry;

function fileEntry(path: string, text = '{}'): Entry {
  const name = path.split('/').pop()!;
  return {
    isFile: true, isDirectory: false, name, fullPath: `/${path}`,
    file: (ok: (f: File) => void) => setTimeout(() => ok(new File([text], name))),
  } as unknown as Entry;
}

/** A folder whose reader gives its children `piece` at a time, then an empty list, as browsers do. */
function folderEntry(path: string, children: Entry[], piece = 2): Entry {
  return {
    isFile: false, isDirectory: true, name: path.split('/').pop()!, fullPath: `/${path}`,
    createReader: () => {
      let at = 0;
      return { readEntries: (ok: (e: Entry[]) => void) => setTimeout(() => ok(children.slice(at, (at += piece)))) };
    },
  } as unknown as Entry;
}

const drop = (entries: (Entry | null)[], files: File[] = []): DropData => ({
  items: entries.map((e) => ({ kind: 'file', webkitGetAsEntry: () => e })),
  files,
});

describe('droppedFiles', () => {
  it('walks folders to any depth, reading each in pieces, and takes only .json files from them', async () => {
    const week = folderEntry('week-46', [
      fileEntry('week-46/a.json'),
      fileEntry('week-46/notes.txt'),
      fileEntry('week-46/b.JSON'),
      folderEntry('week-46/late', [fileEntry('week-46/late/c.json'), folderEntry('week-46/late/empty', [])]),
      fileEntry('week-46/d.json'),
    ]);
    const got = await droppedFiles(drop([week, fileEntry('loose.txt')]));
    expect(got.map((c) => c.name)).toEqual(['week-46/a.json', 'week-46/b.JSON', 'week-46/late/c.json', 'week-46/d.json', 'loose.txt']);
    // Each is the file itself, named as in the folder.
    expect(got.map((c) => c.file.name)).toEqual(['a.json', 'b.JSON', 'c.json', 'd.json', 'loose.txt']);
  });

  it('a file dropped by itself is taken whatever its name, so that a wrong one is named in the list', async () => {
    expect((await droppedFiles(drop([fileEntry('photo.png')]))).map((c) => c.name)).toEqual(['photo.png']);
  });

  it('without entries (a drop made by a script), takes the drop\u2019s own files', async () => {
    const files = [new File(['{}'], 'one.json'), new File(['x'], 'two.txt')];
    const got = await droppedFiles(drop([null, null], files));
    expect(got.map((c) => [c.name, c.file])).toEqual([['one.json', files[0]], ['two.txt', files[1]]]);
  });

  it('a drop of no file brings nothing', async () => {
    expect(await droppedFiles({ items: [{ kind: 'string', webkitGetAsEntry: () => null }], files: [] })).toEqual([]);
  });

  it('a folder that cannot be read fails the drop with the browser\u2019s error', async () => {
    const broken = { isFile: false, isDirectory: true, name: 'x', fullPath: '/x', createReader: () => ({ readEntries: (_: unknown, fail: (e: Error) => void) => fail(new DOMException('gone', 'NotFoundError')) }) } as unknown as Entry;
    await expect(droppedFiles(drop([broken]))).rejects.toThrow('gone');
  });
});
