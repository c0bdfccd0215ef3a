import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on every Linux build we run on). */
const TICKS_PER_SECOND = 100;

interface Snapshot {
  at: number;
  /** Busy milliseconds of every CPU of the machine. */
  machineBusyMs: number;
  /** CPU milliseconds of the root process and its descendants. */
  ownMs: number;
}

/**
 * How many CPU cores other processes kept busy between two samples: the machine's busy
 * time (os.cpus) minus that of a process and all its descendants (read from /proc, so
 * Apertium pipelines count as the worker's own). Where /proc is missing the process's
 * own time is taken as 0, so everything counts as others: the cautious side.
 */
export class OthersCpuMeter {
  private last: Snapshot;

  constructor(private readonly rootPid = process.pid) {
    this.last = this.snapshot();
  }

  /** Cores used by other processes since the previous sample (0 … number of CPUs). */
  sample(): number {
    const now = this.snapshot();
    const elapsedMs = now.at - this.last.at;
    const othersMs = now.machineBusyMs - this.last.machineBusyMs - Math.max(0, now.ownMs - this.last.ownMs);
    this.last = now;
    if (elapsedMs <= 0) return 0;
    return Math.min(os.cpus().length, Math.max(0, othersMs / elapsedMs));
  }

  private snapshot(): Snapshot {
    const machineBusyMs = os
      .cpus()
      .reduce((sum, cpu) => sum + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq, 0);
    return { at: Date.now(), machineBusyMs, ownMs: treeCpuMs(this.rootPid) };
  }
}

/**
 * How many jobs to run at once so that CPU-heavy background work takes the share of the
 * machine that other processes leave free: `max` on an idle machine, a quarter of it on a
 * saturated one. The floor keeps a backlog moving: the worker's lower OS priority already
 * gives the CPU to the api first, so these jobs mostly wait for their turn.
 */
export function concurrencyForFreeCpu(max: number, cpus: number, othersCores: number): number {
  const free = Math.max(0, Math.min(1, (cpus - othersCores) / cpus));
  return Math.max(Math.ceil(max / 4), Math.round(max * free));
}

/** CPU milliseconds of a process and its descendants (0 for what cannot be read). */
function treeCpuMs(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop()!;
    total += processCpuMs(next);
    pending.push(...childrenOf(next));
  }
  return total;
}

function processCpuMs(pid: number): number {
  try {
    // the command name (field 2) may hold spaces and parentheses: count fields after its closing ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}
