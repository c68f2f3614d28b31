import { describe, expect, it } from 'vitest';
import { fileText } from '../../src/lib/file-text.ts';

// Every file the project reads from outside is UTF-8 (README; docs/formats/scenario.md, "A scenario
// file"), a UTF-8 byte-order mark allowed. Bytes that are not UTF-8 are said to be so, never read
// with their letters turned into U+FFFD; a file with a UTF-16 byte-order mark is named as UTF-16.

const TEXT = '{"text": "R\u00fcckerstattung im Caf\u00e9 \ud83d\ude00"}';

describe('fileText', () => {
  it('UTF-8 is read as it is; a UTF-8 byte-order mark is dropped', () => {
    expect(fileText(Buffer.from(TEXT))).toEqual({ ok: true, text: TEXT });
    expect(fileText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({ ok: true, text: TEXT });
    expect(fileText(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it('Latin-1 or Windows-1252 (a German or French file saved on Windows) is not UTF-8 text', () => {
    expect(fileText(Buffer.from(TEXT.replace(/ \ud83d\ude00/, ''), 'latin1'))).toEqual({ ok: false, problem: 'is not UTF-8 text (save it as UTF-8)' });
    // A UTF-8 sequence cut short at the end of the file.
    expect(fileText(Buffer.from(TEXT).subarray(0, -3))).toEqual({ ok: false, problem: 'is not UTF-8 text (save it as UTF-8)' });
  });

  it('UTF-16 with its byte-order mark, little- or big-endian, is named as UTF-16', () => {
    const le = Buffer.from(`\ufeff${TEXT}`, 'utf16le');
    expect(fileText(le)).toEqual({ ok: false, problem: 'is UTF-16 (save it as UTF-8)' });
    expect(fileText(Buffer.from(le).swap16())).toEqual({ ok: false, problem: 'is UTF-16 (save it as UTF-8)' });
    // An empty text saved as UTF-16: the byte-order mark alone.
    expect(fileText(new Uint8Array([0xff, 0xfe]))).toEqual({ ok: false, problem: 'is UTF-16 (save it as UTF-8)' });
    expect(fileText(new Uint8Array([0xfe, 0xff]))).toEqual({ ok: false, problem: 'is UTF-16 (save it as UTF-8)' });
  });

  it('a file that begins with only one byte of a UTF-16 byte-order mark, or with its two bytes in another pairing, is not UTF-8 text, not UTF-16', () => {
    for (const start of [[0xff], [0xfe], [0xff, 0x41], [0xfe, 0x41], [0x41, 0xfe], [0x41, 0xff], [0xff, 0xff], [0xfe, 0xfe]]) {
      expect(fileText(new Uint8Array([...start, 0x7b, 0x7d])), start.join(' ')).toEqual({ ok: false, problem: 'is not UTF-8 text (save it as UTF-8)' });
    }
    expect(fileText(new Uint8Array([0xff]))).toEqual({ ok: false, problem: 'is not UTF-8 text (save it as UTF-8)' });
  });

  it('reads a part of a larger buffer (the admin page hands a batch of files over as one)', () => {
    const batch = Buffer.concat([Buffer.from('abc'), Buffer.from(TEXT), Buffer.from([0xff])]);
    expect(fileText(batch.subarray(3, 3 + Buffer.byteLength(TEXT)))).toEqual({ ok: true, text: TEXT });
  });
});
