import { readFileSync, writeFileSync } from 'node:fs';

/** Linux lets an unprivileged process set one autogroup's nice value per 100 ms, machine-wide. */
const RETRY_EVERY_MS = 110;
const ATTEMPTS = 20;

/**
 * Lowers the CPU priority of the session (`setsid`) that process `pid` leads, children
 * included, to `nice`.
 *
 * On Linux with autogroup scheduling (`/proc/sys/kernel/sched_autogroup_enabled`, on by
 * default in desktop and many server kernels) every session is its own scheduling group,
 * and groups share the CPU equally whatever the nice values of the processes inside them.
 * A process started with `detached: true` gets a session of its own, so a background
 * process's nice value does not make it yield to the api; its session's nice value does.
 * Raising a nice value needs no privilege. Resolves with whether the value was set (false
 * where there are no autogroups, or the process is gone); never throws.
 */
export async function lowerSessionPriority(pid: number, nice: number): Promise<boolean> {
  const file = `/proc/${pid}/autogroup`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (currentNice(file) >= nice) return true;
      writeFileSync(file, String(nice));
      return true;
    } catch (err) {
      // EAGAIN: another autogroup's value was set less than 100 ms ago (e.g. a sibling pipeline)
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN' || attempt === ATTEMPTS) return false;
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
  }
}

/** Whether `pid` leads its session, so that its session's priority is its own to set. */
export function leadsItsSession(pid = process.pid): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name's closing ')': state, ppid, pgrp, session
    const session = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]);
    return session === pid;
  } catch {
    return false;
  }
}

/** The nice value of an autogroup file (`/autogroup-42 nice 10`). */
function currentNice(file: string): number {
  return Number(/nice (-?\d+)/.exec(readFileSync(file, 'utf8'))?.[1] ?? 0);
}
