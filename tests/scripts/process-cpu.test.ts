import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { canReadCpu, cpuBetween, cpuSnapshot, formatCpu } from '../../scripts/lib/process-cpu.ts';

// The CPU accounting bench:admin prints: it must count the threads of the processes the bench
// started, by part, and nothing twice.

describe('CPU accounting of a launched browser (scripts/lib/process-cpu.ts)', () => {
  it('counts the CPU a child process spends, and a process without --type= is the browser', { skip: !canReadCpu(), timeout: 30_000 }, async () => {
    // A child that burns 400 ms of its own CPU time, says so, and waits to be told to end (a
    // process that has ended has no threads left to read). It starts after the first snapshot, so
    // all its time is counted from zero.
    const before = cpuSnapshot();
    const child = spawn(process.execPath, ['-e', "const s = process.cpuUsage(); while (process.cpuUsage(s).user < 400_000); process.stdout.write('spun\\n'); process.stdin.resume();"], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await once(child.stdout!, 'data');
      const used = cpuBetween(before, cpuSnapshot());
      // At least what it spun (ticks are 10 ms), all of it counted as the browser's part.
      expect(used.browser).toBeGreaterThanOrEqual(380);
      expect(used.total).toBe(used.workers + used.v8Background + used.pageMain + used.browser + used.other);
    } finally {
      child.stdin!.end();
      child.kill();
    }
  });

  it('a thread that started between the snapshots counts from zero; one that ended is not counted', () => {
    const before = new Map([
      ['1/1', { part: 'browser' as const, ms: 500 }],
      ['2/2', { part: 'pageMain' as const, ms: 100 }],
      ['2/9', { part: 'workers' as const, ms: 40 }],
    ]);
    const after = new Map([
      ['1/1', { part: 'browser' as const, ms: 650 }],
      ['2/2', { part: 'pageMain' as const, ms: 130 }],
      ['2/10', { part: 'workers' as const, ms: 70 }],
      ['2/11', { part: 'v8Background' as const, ms: 20 }],
    ]);
    const used = cpuBetween(before, after);
    expect(used).toEqual({ browser: 150, pageMain: 30, workers: 70, v8Background: 20, other: 0, total: 270 });
    expect(formatCpu(used)).toMatch(/^0\.27 s \(the page's workers 0\.07 s, .*the page's main thread 0\.03 s, the browser process .* 0\.15 s, other Chromium threads 0\.00 s\)$/);
  });
});
