import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of the processes that make up the local cloud: this one (the bench's own client, the gateway, every
 * handler, the stream poller) and its children (DynamoDB Local's Java, cognito-local's Node), read from /proc.
 * Linux only; elsewhere the children read as 0.
 */

/** /proc's clock ticks per second (`getconf CLK_TCK`: 100 on every Linux the bench runs on). */
const TICKS = 100;

type Child = { pid: number; name: string };

/** `/proc/<pid>/stat`: the name in parentheses (it may hold spaces), then the fields from the state on. */
function stat(pid: number | string): { name: string; fields: string[] } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    return { name: text.slice(text.indexOf('(') + 1, close), fields: text.slice(close + 2).split(' ') };
  } catch {
    return undefined;
  }
}

/** This process's direct children (state is field 3, ppid field 4 of stat: index 1 after the name). */
export function children(): Child[] {
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  const out: Child[] = [];
  for (const pid of pids) {
    const s = stat(pid);
    if (s && Number(s.fields[1]) === process.pid) out.push({ pid: Number(pid), name: s.name });
  }
  return out;
}

/** utime + stime of a process, in milliseconds (fields 14 and 15 of stat: indexes 11 and 12 after the name). */
function cpuMs(pid: number): number {
  const s = stat(pid);
  return s ? ((Number(s.fields[11]) + Number(s.fields[12])) / TICKS) * 1000 : 0;
}

/**
 * The whole machine from /proc/stat's first line, in ms: busy (user, nice, system, irq, softirq) and steal (what
 * the hypervisor gave another guest while this one wanted to run). Busy less the cloud's own is everyone else's.
 */
function machineMs(): { busy: number; steal: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const ms = (ticks: number) => (ticks / TICKS) * 1000;
    return { busy: ms(user + nice + system + irq + softirq), steal: ms(steal) };
  } catch {
    return { busy: Number.NaN, steal: Number.NaN };
  }
}

export type CpuReading = {
  at: number;
  self: number;
  java: number;
  cognito: number;
  busy: number;
  steal: number;
};

/** Where the cloud's parts are, found once (the children live as long as the cloud). */
export function cpuMeter() {
  const kids = children();
  const java = kids.filter((c) => c.name === 'java').map((c) => c.pid);
  const cognito = kids.filter((c) => c.name !== 'java').map((c) => c.pid);
  const sum = (pids: number[]) => pids.reduce((t, p) => t + cpuMs(p), 0);
  const read = (): CpuReading => {
    const u = process.cpuUsage();
    return {
      at: performance.now(),
      self: (u.user + u.system) / 1000,
      java: sum(java),
      cognito: sum(cognito),
      ...machineMs(),
    };
  };
  /** Cores busy between two readings (1.0 = one core all the time); `others`: the rest of the machine's work. */
  const cores = (a: CpuReading, b: CpuReading) => {
    const wall = b.at - a.at;
    const d = (k: keyof CpuReading) => (b[k] - a[k]) / wall;
    return {
      self: d('self'),
      java: d('java'),
      cognito: d('cognito'),
      others: Math.max(0, d('busy') - d('self') - d('java') - d('cognito')),
      steal: d('steal'),
    };
  };
  /**
   * Waits until the cloud has nothing left to do (the stream poller has caught up with what the last step
   * wrote): two seconds in a row under `below` cores in all, or `maxMs`. Returns how long it waited (ms).
   * Only the cloud's own processes count: someone else's work on the machine is no reason to wait.
   */
  const quiet = async (below = 0.15, maxMs = 60_000) => {
    const started = performance.now();
    const until = started + maxMs;
    let calm = 0;
    let last = read();
    while (calm < 2 && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 1_000));
      const now = read();
      const c = cores(last, now);
      calm = c.self + c.java + c.cognito < below ? calm + 1 : 0;
      last = now;
    }
    return performance.now() - started;
  };
  return { read, cores, quiet, found: { java: java.length, cognito: cognito.length } };
}
