import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { lowerSessionPriority } from '@roundtable/core';
import { TranslationError } from './translation-provider';

interface Pending {
  marker: string;
  resolve(stream: string): void;
  reject(err: Error): void;
  at: number;
}

/**
 * One long-running Apertium pipeline for one mode (e.g. `eng-spa`), built from the
 * mode's `.mode` file with every program in null-flush mode (`-z`) and generation
 * with unknown-word marks (`lt-proc -g`, dropped when the answer is decoded). Requests are written one after another
 * without waiting (the stages work on successive requests at once) and answers come back
 * in order; each request ends with a blank holding a unique marker, so an answer is
 * recognised even when a stage flushes an extra NUL. Starting the pipeline costs about a
 * second; a paragraph then takes a few milliseconds instead of ~0.2 s per `apertium` call.
 *
 * stdin and stdout are pipes (Node's `spawn` with a socket as stdin gave empty output).
 */
export class ApertiumPipeline {
  private child?: ChildProcess;
  private buffer = '';
  private pending: Pending[] = [];
  private counter = 0;
  private stderr = '';
  /** When the pipeline last gave output (ms since the epoch). */
  private lastOutputAt = 0;

  constructor(
    readonly mode: string,
    private readonly modeFile: string,
  ) {}

  /** The shell pipeline for the mode, every stage flushing on NUL. */
  static commandFor(modeFile: string): string {
    const mode = readFileSync(modeFile, 'utf8').trim();
    return mode
      .split('|')
      .map((stage) => {
        const [program, ...args] = stage.trim().split(/\s+/);
        return [program, '-z', ...args].join(' ');
      })
      .join(' | ')
      .replace(/\$1/g, '-g') // lt-proc generation with * # @ marks: decodeStream drops them and learns which words were unknown
      .replace(/\$2/g, ''); // no tagger option
  }

  /** Translates text in Apertium's stream format; resolves with the output stream. */
  translate(stream: string, signal: AbortSignal): Promise<string> {
    const child = this.ensureStarted();
    const marker = `RT${(this.counter = (this.counter + 1) % 1e9)}`;
    return new Promise<string>((resolve, reject) => {
      const entry: Pending = { marker, resolve, reject, at: Date.now() };
      this.pending.push(entry);
      const onAbort = () => {
        // the answer still comes (in order) and is dropped; a pipeline that stopped
        // answering altogether is restarted so the next requests do not wait behind it,
        // but one that answered since this request was written is slowly working through a
        // queue: restarting it would fail every request in it and start again from nothing
        entry.resolve = () => undefined;
        entry.reject = () => undefined;
        reject(new TranslationError(`apertium ${this.mode} timed out`, true));
        if (this.pending[0] === entry && this.lastOutputAt <= entry.at) this.restart('it stopped answering');
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = entry.resolve;
      entry.resolve = (value) => {
        signal.removeEventListener('abort', onAbort);
        settle(value);
      };
      child.stdin!.write(`${stream}[][#${marker}#]\0`);
    });
  }

  /** Stops the pipeline; pending requests fail with a retryable error. */
  stop(): void {
    const child = this.child;
    this.child = undefined;
    if (child) {
      child.stdin?.end();
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    }
    this.failAll('apertium pipeline stopped');
  }

  /** Starts the processes now, so the first request does not wait for them to load their data. */
  warm(): void {
    this.ensureStarted();
  }

  get running(): boolean {
    return !!this.child;
  }

  private restart(reason: string): void {
    this.failAll(`apertium ${this.mode} restarted: ${reason}`);
    this.stop();
  }

  private ensureStarted(): ChildProcess {
    if (this.child) return this.child;
    const child = spawn('bash', ['-c', ApertiumPipeline.commandFor(this.modeFile)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // its own process group, so stop() ends every stage at once
      detached: true,
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    });
    // the stages inherit this process's nice value, but their own session is scheduled as a
    // group of its own, beside the api's: the session must yield as much as they do
    const nice = os.getPriority();
    if (nice > 0 && child.pid) void lowerSessionPriority(child.pid, nice);
    this.child = child;
    this.buffer = '';
    this.stderr = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      this.lastOutputAt = Date.now();
      this.buffer += chunk;
      this.drain();
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-2000)));
    child.stdin!.on('error', () => undefined); // EPIPE when the pipeline died; 'exit' reports it
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.failAll(
        `apertium ${this.mode} exited (${signal ?? code})${this.stderr ? `: ${this.stderr.trim().slice(-300)}` : ''}`,
      );
    });
    child.on('error', (err) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.failAll(`apertium ${this.mode} could not start: ${err.message}`);
    });
    return child;
  }

  private drain(): void {
    while (this.pending.length > 0) {
      const head = this.pending[0];
      const end = `[#${head.marker}#]`;
      const at = this.buffer.indexOf(end);
      if (at < 0) return;
      const answer = this.buffer.slice(0, at).replace(/\0/g, '');
      this.buffer = this.buffer.slice(at + end.length).replace(/^\0+/, '');
      this.pending.shift();
      head.resolve(answer);
    }
    // output nobody asked for (stray NULs after the last answer)
    if (this.pending.length === 0) this.buffer = this.buffer.replace(/^\0+/, '');
  }

  private failAll(message: string): void {
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) p.reject(new TranslationError(message, true));
  }
}
