// CPU time spent by the browser a benchmark launched, thread by thread, read from Linux's /proc.
// Benchmarks use it to say where a measured time went: on a machine with few cores, a wall-clock
// time is often the sum of what every thread of every Chromium process asked of them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** What /proc counts CPU time in (USER_HZ: 100 on every Linux this project runs on). */
const TICKS_PER_SECOND = 100;

/** Where a thread's CPU time is counted. */
export type CpuPart = 'workers' | 'v8Background' | 'pageMain' | 'browser' | 'other';

/** Milliseconds of CPU per part, and in all. */
export type CpuTimes = Record<CpuPart, number> & { total: number };

/** Labels for a printed line, in the order printed. */
export const CPU_PART_LABELS: Record<CpuPart, string> = {
  workers: "the page's workers",
  v8Background: "the renderer's thread pool (V8 compiling and collecting garbage, mostly)",
  pageMain: "the page's main thread",
  browser: 'the browser process (reading the files for the page, mostly)',
  other: 'other Chromium threads',
};

/** Whether this machine has a /proc to read. */
export const canReadCpu = (): boolean => existsSync('/proc/self/task');

/** The fields of a /proc stat line after the command name (which may hold spaces). */
function statFields(path: string): { name: string; fields: string[] } | null {
  try {
    const stat = readFileSync(path, 'utf8');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return null; // the process or thread has ended meanwhile
  }
}

/** The ids of every process descending from `root`. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statFields(`/proc/${entry}/stat`);
    if (!stat) continue;
    const parent = Number(stat.fields[1]);
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(Number(entry));
  }
  const out: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * CPU milliseconds (user and system) each Chromium thread under this Node process has used so far,
 * keyed by process and thread id. Take it before and after, and hand both to `cpuBetween`.
 */
export function cpuSnapshot(root = process.pid): Map<string, { part: CpuPart; ms: number }> {
  const out = new Map<string, { part: CpuPart; ms: number }>();
  for (const pid of descendants(root)) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of threads) {
      const stat = statFields(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const ms = ((Number(stat.fields[11]) + Number(stat.fields[12])) * 1000) / TICKS_PER_SECOND;
      let part: CpuPart = 'other';
      if (type === 'browser') part = 'browser';
      else if (type === 'renderer') {
        if (tid === String(pid)) part = 'pageMain';
        else if (stat.name === 'DedicatedWorker') part = 'workers';
        else if (stat.name.startsWith('ThreadPoolForeg')) part = 'v8Background';
      }
      out.set(`${pid}/${tid}`, { part, ms });
    }
  }
  return out;
}

/** What each part used between two snapshots (threads that started meanwhile count from zero). */
export function cpuBetween(before: ReturnType<typeof cpuSnapshot>, after: ReturnType<typeof cpuSnapshot>): CpuTimes {
  const out: CpuTimes = { workers: 0, v8Background: 0, pageMain: 0, browser: 0, other: 0, total: 0 };
  for (const [key, { part, ms }] of after) {
    const used = ms - (before.get(key)?.ms ?? 0);
    out[part] += used;
    out.total += used;
  }
  return out;
}

/** "4.31 s: the page's workers 1.82 s, ..." for a printed line. */
export function formatCpu(times: CpuTimes): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const parts = (Object.keys(CPU_PART_LABELS) as CpuPart[]).map((p) => `${CPU_PART_LABELS[p]} ${s(times[p])}`);
  return `${s(times.total)} (${parts.join(', ')})`;
}
