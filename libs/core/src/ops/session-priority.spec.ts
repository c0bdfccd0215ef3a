import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { leadsItsSession, lowerSessionPriority } from './session-priority';

describe('session priority', () => {
  const children: ChildProcess[] = [];
  const start = (detached: boolean) => {
    const child = spawn('sleep', ['30'], { detached, stdio: 'ignore' });
    children.push(child);
    return child.pid!;
  };
  afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

  it('knows a detached child leads its own session and an attached one does not', () => {
    expect(leadsItsSession(start(true))).toBe(true);
    expect(leadsItsSession(start(false))).toBe(false);
  });

  // the machines we run on schedule sessions as groups (sched_autogroup_enabled = 1)
  it("lowers a detached child's session to the nice value asked, and never raises it again", async () => {
    const pid = start(true);
    expect(await lowerSessionPriority(pid, 7)).toBe(true);
    expect(readFileSync(`/proc/${pid}/autogroup`, 'utf8')).toMatch(/ nice 7$/m);
    expect(await lowerSessionPriority(pid, 3)).toBe(true);
    expect(readFileSync(`/proc/${pid}/autogroup`, 'utf8')).toMatch(/ nice 7$/m);
  });

  it('says so, without throwing, for a process that is gone', async () => {
    const child = spawn('true', { detached: true });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await lowerSessionPriority(child.pid!, 5)).toBe(false);
  });
});
