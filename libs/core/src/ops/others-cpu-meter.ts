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
    return { at: Date.now(), machineBusyMs, ownMs: processTreeCpuMs(this.rootPid) };
  }
}

/**
 * How many jobs to run at once so that CPU-heavy background work takes the share of the
 * machine that other processes leave free: `max` on an idle machine, then falling with the
 * square of the free share, down to one job on a saturated machine. Measured on two cores
 * with the whole stack (`bench -- stack`): a floor of a quarter of 16 left Apertium enough
 * CPU to slow the api to 51 posts/s from one author and a fan-out p99 of 1.2 s; one to two
 * jobs while people post gave 78 posts/s and 182 ms. The floor keeps a backlog moving, and
 * an idle machine still drains it with all `max` jobs.
 */
export function concurrencyForFreeCpu(max: number, cpus: number, othersCores: number): number {
  const free = Math.max(0, Math.min(1, (cpus - othersCores) / cpus));
  return Math.max(1, Math.round(max * free * free));
}

/** CPU milliseconds of a living process and its living descendants (0 for what cannot be read). */
export function processTreeCpuMs(pid: number): number {
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
