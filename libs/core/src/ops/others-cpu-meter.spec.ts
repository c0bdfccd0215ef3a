import { spawn } from 'node:child_process';
import { concurrencyForFreeCpu, OthersCpuMeter } from './others-cpu-meter';

describe('concurrencyForFreeCpu', () => {
  it('runs the full number on an idle machine, far fewer as others take CPU, and one job on a saturated machine', () => {
    expect(concurrencyForFreeCpu(16, 2, 0)).toBe(16);
    expect(concurrencyForFreeCpu(16, 2, 0.5)).toBe(9);
    expect(concurrencyForFreeCpu(16, 2, 1)).toBe(4);
    expect(concurrencyForFreeCpu(16, 2, 1.3)).toBe(2);
    expect(concurrencyForFreeCpu(16, 2, 1.9)).toBe(1);
    expect(concurrencyForFreeCpu(16, 2, 2)).toBe(1);
    expect(concurrencyForFreeCpu(1, 8, 8)).toBe(1);
  });
});

describe('OthersCpuMeter', () => {
  const burn = (ms: number) => {
    const until = Date.now() + ms;
    let x = 0;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    return x;
  };

  it('counts a busy process outside the measured tree as others', async () => {
    const idle = spawn('sleep', ['30']);
    try {
      const meter = new OthersCpuMeter(idle.pid!);
      burn(400); // this process is not part of sleep's tree
      expect(meter.sample()).toBeGreaterThan(0.5);
    } finally {
      idle.kill();
    }
  });

  it('does not count the measured process and its children as others', () => {
    const idle = spawn('sleep', ['30']);
    const child = spawn(process.execPath, ['-e', 'const u = Date.now() + 30000; while (Date.now() < u);']);
    try {
      const mine = new OthersCpuMeter(process.pid);
      const outside = new OthersCpuMeter(idle.pid!);
      burn(600); // this process and its busy child, still running when sampled
      // over the same interval, what the tree used counts as others for a meter outside it only
      // (a difference, not a level: it holds on a machine that other work keeps busy)
      expect(outside.sample() - mine.sample()).toBeGreaterThan(0.1);
    } finally {
      child.kill();
      idle.kill();
    }
  });
});
