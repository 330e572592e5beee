/**
 * Child processes of the benchmark: spawned pinned to one CPU with `taskset -c N` (which execs
 * the command, so the pid is the server's own), stopped by their pid, and read from /proc: CPU
 * time (utime + stime) and peak resident set (VmHWM), summed over the process and any
 * processes it started.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Child {
  proc: ChildProcess;
  pid: number;
  label: string;
  /** When it was spawned (performance.now()). */
  spawnedAt: number;
  /** The last few KB of its stdout and stderr, for error messages. */
  output(): string;
  /** Resolves with the first stdout line that `match` accepts. */
  line(match: (line: string) => boolean, timeoutMs: number): Promise<string>;
}

export function spawnPinned(cpu: number, command: string, args: string[], env: Record<string, string>, label: string): Child {
  const proc = spawn('taskset', ['-c', String(cpu), command, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const spawnedAt = performance.now();
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  if (proc.pid === undefined) throw new Error(`could not spawn ${label}`);
  return {
    proc,
    pid: proc.pid,
    label,
    spawnedAt,
    output: () => tail,
    line: (match, timeoutMs) =>
      new Promise((resolve, reject) => {
        let buffered = '';
        const onData = (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          const found = lines.find(match);
          if (found !== undefined) done(() => resolve(found));
        };
        const onExit = (code: number | null) => done(() => reject(new Error(`${label} exited (${code}) before it was ready:\n${tail}`)));
        const timer = setTimeout(() => done(() => reject(new Error(`${label} not ready after ${timeoutMs} ms:\n${tail}`))), timeoutMs);
        const done = (then: () => void) => {
          clearTimeout(timer);
          proc.stdout!.off('data', onData);
          proc.off('exit', onExit);
          then();
        };
        proc.stdout!.on('data', onData);
        proc.once('exit', onExit);
      }),
  };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export async function stop(child: Child, graceMs = 5000): Promise<void> {
  const { proc } = child;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const descendants = tree(child.pid).filter((pid) => pid !== child.pid);
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  for (const pid of descendants) {
    try {
      process.kill(pid, 'SIGKILL'); // workers a peer started and left behind
    } catch {
      // already gone
    }
  }
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** The pid and every descendant of it, from /proc/<pid>/stat's parent pids. */
export function tree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    const list = parents.get(stat.ppid) ?? [];
    list.push(Number(entry));
    parents.set(stat.ppid, list);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const child of parents.get(pid) ?? []) walk(child);
  };
  walk(root);
  return out;
}

function readStat(pid: number): { comm: string; ppid: number; cpuTicks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces), from field 3 on.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) used so far by the process and its descendants. */
export function cpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of tree(root)) ticks += readStat(pid)?.cpuTicks ?? 0;
  return ticks / clockTicks();
}

/** CPU seconds used so far by every process whose command is `comm` (the PostgreSQL server's: `postgres`). */
export function cpuSecondsOfCommand(comm: string): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.comm === comm) ticks += stat.cpuTicks;
  }
  return ticks / clockTicks();
}

/** Peak resident set (VmHWM) of the process plus its descendants', in KB. */
export function peakRssKb(root: number): number {
  let kb = 0;
  for (const pid of tree(root)) {
    try {
      const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // exited meanwhile
    }
  }
  return kb;
}
