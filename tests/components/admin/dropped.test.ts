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
    const { chosen: got, unread } = await droppedFiles(drop([week, fileEntry('loose.txt')]));
    expect(unread).toEqual([]);
    expect(got.map((c) => c.name)).toEqual(['week-46/a.json', 'week-46/b.JSON', 'week-46/late/c.json', 'week-46/d.json', 'loose.txt']);
    // Each is the file itself, named as in the folder.
    expect(got.map((c) => c.file.name)).toEqual(['a.json', 'b.JSON', 'c.json', 'd.json', 'loose.txt']);
  });

  it('a file dropped by itself is taken whatever its name, so that a wrong one is named in the list', async () => {
    expect((await droppedFiles(drop([fileEntry('photo.png')]))).chosen.map((c) => c.name)).toEqual(['photo.png']);
  });

  it('without entries (a drop made by a script), takes the drop\u2019s own files', async () => {
    const files = [new File(['{}'], 'one.json'), new File(['x'], 'two.txt')];
    const { chosen: got, unread } = await droppedFiles(drop([null, null], files));
    expect(unread).toEqual([]);
    expect(got.map((c) => [c.name, c.file])).toEqual([['one.json', files[0]], ['two.txt', files[1]]]);
  });

  // Found by the view's mutation audit: with the check made on every item rather than on any, such a
  // drop failed. Dragging an image out of a web page, for one, can bring a text item (its address)
  // along with the file: that item has no entry, so the drop's own files are taken (dropped.ts:
  // "When the browser gives no entry for an item ... the drop's plain file list is taken").
  it('a drop where one item has an entry and another has none takes the drop\u2019s own files', async () => {
    const file = new File(['{}'], 'one.json');
    const mixed: DropData = {
      items: [
        { kind: 'file', webkitGetAsEntry: () => fileEntry('one.json') },
        { kind: 'string', webkitGetAsEntry: () => null },
      ],
      files: [file],
    };
    expect(await droppedFiles(mixed)).toEqual({ chosen: [{ file, name: 'one.json' }], unread: [], folders: [] });
  });

  it('a drop of no file brings nothing', async () => {
    expect(await droppedFiles({ items: [{ kind: 'string', webkitGetAsEntry: () => null }], files: [] })).toEqual({ chosen: [], unread: [], folders: [] });
  });

  it('names the folders dropped, not those inside them nor the files, so that a drop of no result file can name them', async () => {
    const notes = folderEntry('notes', [fileEntry('notes/a.txt'), folderEntry('notes/old', [fileEntry('notes/old/results.csv')])]);
    const got = await droppedFiles(drop([notes, folderEntry('empty', []), fileEntry('loose.txt')]));
    expect(got.folders).toEqual(['notes', 'empty']);
    expect(got.chosen.map((c) => c.name)).toEqual(['loose.txt']);
  });

  it('a folder or a file the browser will not read is named with the browser\u2019s error, and the rest of the drop is kept', async () => {
    const locked = { isFile: false, isDirectory: true, name: 'locked', fullPath: '/week-46/locked', createReader: () => ({ readEntries: (_: unknown, fail: (e: Error) => void) => setTimeout(() => fail(new DOMException('no access', 'NotReadableError'))) }) } as unknown as Entry;
    const gone = { isFile: true, isDirectory: false, name: 'gone.json', fullPath: '/week-46/gone.json', file: (_: unknown, fail: (e: Error) => void) => setTimeout(() => fail(new DOMException('gone', 'NotFoundError'))) } as unknown as Entry;
    const week = folderEntry('week-46', [fileEntry('week-46/a.json'), locked, gone, fileEntry('week-46/b.json')]);
    const got = await droppedFiles(drop([week, fileEntry('loose.json')]));
    expect(got.chosen.map((c) => c.name)).toEqual(['week-46/a.json', 'week-46/b.json', 'loose.json']);
    expect(got.unread).toEqual([
      { file: 'week-46/gone.json', problems: ['(file): the browser could not read it (NotFoundError)'] },
      { file: 'week-46/locked/', problems: ['(folder): the browser could not read it (NotReadableError); none of its files was imported'] },
    ]);
  });

  it('a folder that fails part way keeps the entries read before, and says how many', async () => {
    let calls = 0;
    const halfway = {
      isFile: false, isDirectory: true, name: 'half', fullPath: '/half',
      createReader: () => ({
        readEntries: (ok: (e: Entry[]) => void, fail: (e: Error) => void) =>
          setTimeout(() => (calls++ === 0 ? ok([fileEntry('half/one.json'), fileEntry('half/two.json')]) : fail(new DOMException('gone', 'NotFoundError')))),
      }),
    } as unknown as Entry;
    const got = await droppedFiles(drop([halfway]));
    expect(got.chosen.map((c) => c.name)).toEqual(['half/one.json', 'half/two.json']);
    expect(got.unread).toEqual([{ file: 'half/', problems: ['(folder): the browser could not read it (NotFoundError); only 2 of its entries were read'] }]);
  });
});
