import { afterEach, describe, expect, it } from 'vitest';
import { isJsonName, resultFileName } from '../../../src/lib/results/file-name.ts';

// The name of an exported result file (src/lib/results/file-name.ts): the trainee's name, then the
// date and time the session started as the trainee's own clock showed them, to the second, so that
// the name's date is the one the page showed, and two sessions of a day, or of one minute (which
// Past sessions tells apart to the second), are two files, not "name (1).json".

const zone = process.env.TZ;
/** Runs with the machine's clock in a time zone, as a trainee's computer would be. */
function inZone<T>(tz: string, f: () => T): T {
  process.env.TZ = tz;
  return f();
}
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('resultFileName: the date and time', () => {
  it('the session start in local time, to the second: late in the evening west of UTC, and east of UTC in the morning', () => {
    // 03:30 UTC on 23 November is 19:30 on the 22nd in Los Angeles.
    expect(inZone('America/Los_Angeles', () => resultFileName('Kim Lee', new Date('2026-11-23T03:30:00Z')))).toBe('social-support-result-kim-lee-2026-11-22-193000.json');
    // 20:05 UTC on 22 November is 10:05 on the 23rd on Kiritimati (UTC+14); milliseconds are dropped, not rounded.
    expect(inZone('Pacific/Kiritimati', () => resultFileName('Kim Lee', new Date('2026-11-22T20:05:59.999Z')))).toBe('social-support-result-kim-lee-2026-11-23-100559.json');
    expect(inZone('UTC', () => resultFileName('Kim Lee', new Date('2026-01-02T03:04:05Z')))).toBe('social-support-result-kim-lee-2026-01-02-030405.json');
  });

  it('two sessions of one day have two names', () => {
    inZone('Europe/Berlin', () => {
      const morning = resultFileName('Kim Lee', new Date('2026-11-22T08:00:00Z'));
      const afternoon = resultFileName('Kim Lee', new Date('2026-11-22T13:45:00Z'));
      expect([morning, afternoon]).toEqual(['social-support-result-kim-lee-2026-11-22-090000.json', 'social-support-result-kim-lee-2026-11-22-144500.json']);
    });
  });

  it('two sessions started in the same minute have two names', () => {
    inZone('Europe/Berlin', () => {
      const first = resultFileName('Kim Lee', new Date('2026-11-22T15:17:05Z'));
      const second = resultFileName('Kim Lee', new Date('2026-11-22T15:17:40Z'));
      expect([first, second]).toEqual(['social-support-result-kim-lee-2026-11-22-161705.json', 'social-support-result-kim-lee-2026-11-22-161740.json']);
    });
  });
});

describe('resultFileName: the name', () => {
  const nameOf = (name: string) => inZone('UTC', () => resultFileName(name, new Date('2026-11-22T12:05:00Z'))).replace(/^social-support-result-|-2026-11-22-120500\.json$/g, '');

  it('keeps the letters of any script, in lower case, Latin ones without their accents', () => {
    expect(nameOf('Ünal Çelik-Øster')).toBe('unal-celik-øster');
    expect(nameOf('山田 太郎')).toBe('山田-太郎');
    expect(nameOf('Мария Йорк')).toBe('мария-йорк');
    expect(nameOf('Ελένη')).toBe('ελένη');
    expect(nameOf('हिन्दी नाम')).toBe('हिन्दी-नाम');
    expect(nameOf('Nguyễn Văn An')).toBe('nguyen-van-an');
    expect(nameOf('İlker 2')).toBe('ilker-2');
  });

  it('anything else, characters no system allows in a file name included, is one hyphen, and none at either end', () => {
    expect(nameOf('  a/b\\c:d*e?f"g<h>i|j  ')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(nameOf('Kim 🚀 Lee!')).toBe('kim-lee');
  });

  it('at most 40 characters, never half of one', () => {
    expect(nameOf('x'.repeat(99))).toBe('x'.repeat(40));
    expect(nameOf('𠮷'.repeat(50))).toBe('𠮷'.repeat(40));
    expect(nameOf(`${'x'.repeat(39)} yz`)).toBe('x'.repeat(39));
  });

  it('"trainee" when nothing is left', () => {
    expect(nameOf('')).toBe('trainee');
    expect(nameOf('   ')).toBe('trainee');
    expect(nameOf('🚀🐱')).toBe('trainee');
  });
});

describe('isJsonName: the files of a folder that the admin page and the command lines read', () => {
  it('a .json name, whatever the case of the extension', () => {
    expect(['ana.json', 'BO.JSON', 'week-46.Json', '.json'].map(isJsonName)).toEqual([true, true, true, true]);
    expect(['notes.txt', 'ana.json.txt', 'ana.jsonl', 'json', 'ana-json'].map(isJsonName)).toEqual([false, false, false, false, false]);
  });
});
