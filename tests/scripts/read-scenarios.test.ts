import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readableName } from '../../scripts/lib/names.ts';
import { jsonFiles } from '../../scripts/read-scenarios.ts';

// The files a command line takes from a folder (regrade, scenarios:check) are the ones the admin
// page's "Import a folder" takes (src/components/admin/ImportPanel.svelte, dropped.ts): every
// `.json` file at any depth, whatever the case of its extension, and nothing else, so that the
// page and the command give the same verdicts on one folder.

const tmp = mkdtempSync(join(tmpdir(), 'ssa-json-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('jsonFiles', () => {
  it('every .json file at any depth, .JSON and .Json too, sorted by path; other files and folders left out', () => {
    mkdirSync(join(tmp, 'week-46', 'late'), { recursive: true });
    mkdirSync(join(tmp, 'week-46', 'archive.json'));
    for (const name of ['ana.json', 'BO.JSON', 'notes.txt', 'late/cy.Json', 'late/dee.json.bak', 'archive.json/eve.json']) writeFileSync(join(tmp, 'week-46', name), '{}');
    const folder = join(tmp, 'week-46');
    expect(jsonFiles(folder).map((f) => relative(folder, f))).toEqual(['BO.JSON', 'ana.json', 'archive.json/eve.json', 'late/cy.Json']);
  });

  it('at any depth, four folders down too; sorted by path, not in the order a walk of the folders meets them', () => {
    const folder = join(tmp, 'deep');
    // A walk meets the folder "b" before "b-2.json" and "b.json", whose paths sort before "b/...".
    for (const name of ['m.json', 'z/y/x/w.json', 'b.json', 'b-2.json', 'b/a.json', 'a/b/c/d/e.json']) {
      mkdirSync(join(folder, name, '..'), { recursive: true });
      writeFileSync(join(folder, name), '{}');
    }
    expect(jsonFiles(folder).map((f) => relative(folder, f))).toEqual(['a/b/c/d/e.json', 'b-2.json', 'b.json', 'b/a.json', 'm.json', 'z/y/x/w.json']);
  });

  it('does not follow a link to a folder (one back up would be walked again and again); a link to a file is read', () => {
    const folder = join(tmp, 'looped');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'ana.json'), '{}');
    writeFileSync(join(folder, 'sub', 'bo.json'), '{}');
    symlinkSync('..', join(folder, 'sub', 'self'));
    symlinkSync(join(folder, 'ana.json'), join(folder, 'sub', 'ana-link.json'));
    expect(jsonFiles(folder).map((f) => relative(folder, f))).toEqual(['ana.json', 'sub/ana-link.json', 'sub/bo.json']);
  });
});

describe('readableName', () => {
  it('a UTF-8 name as it is; in another, each byte outside a UTF-8 character as \\xNN and a backslash as \\\\', () => {
    expect(readableName(Buffer.from('caf\u00e9 \\ x.json'))).toBe('caf\u00e9 \\ x.json');
    expect(readableName(Buffer.from('caf\u00e9.json', 'latin1'))).toBe('caf\\xe9.json');
    // Characters of every length stay characters, up to the last a lead byte can begin (EF: U+FF46; F4: U+10FFFF).
    expect(readableName(Buffer.concat([Buffer.from('\u00e9\uff46\u{1f600}\u{10ffff}'), Buffer.from([0xff])]))).toBe('\u00e9\uff46\u{1f600}\u{10ffff}\\xff');
    // A UTF-8 character beside a stray byte stays a character; a lead byte cut short, an overlong form and a surrogate are bytes.
    expect(readableName(Buffer.concat([Buffer.from('\u00e9\u20ac\\'), Buffer.from([0xff, 0xe2, 0x82, 0x2e, 0xc0, 0xaf, 0xed, 0xa0, 0x80])]))).toBe('\u00e9\u20ac\\\\\\xff\\xe2\\x82.\\xc0\\xaf\\xed\\xa0\\x80');
  });
});
