import { io, Socket } from 'socket.io-client';

/**
 * A live client that behaves like the web app under faults: when its api process dies or
 * sends it away, it reconnects to whichever api answers and re-joins every space with
 * `afterSeq` = the last seq it saw. It records every event as it arrives (no dedup), so a
 * test can check that each seq reached it exactly once.
 */
export class ResilientListener {
  /** spaceId → seqs in arrival order. */
  readonly received = new Map<string, number[]>();
  reconnects = 0;
  private socket?: Socket;
  private closed = false;
  private connecting?: Promise<void>;

  constructor(
    private readonly urls: () => string[],
    private readonly token: string,
    private readonly spaceIds: string[],
  ) {
    for (const id of spaceIds) this.received.set(id, []);
  }

  lastSeq(spaceId: string): number {
    const seqs = this.received.get(spaceId)!;
    return seqs.length ? Math.max(...seqs.slice(-50)) : 0;
  }

  start(): Promise<void> {
    this.connecting ??= this.connectLoop().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  close(): void {
    this.closed = true;
    this.socket?.removeAllListeners();
    this.socket?.close();
  }

  private async connectLoop(): Promise<void> {
    let attempt = 0;
    while (!this.closed) {
      const urls = this.urls();
      const url = urls[attempt % urls.length];
      attempt += 1;
      try {
        await this.connectTo(url);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private connectTo(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = io(`${url}/live`, {
        auth: { token: this.token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 3000,
      });
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
      socket.once('connect', async () => {
        this.socket?.removeAllListeners();
        this.socket = socket;
        socket.on('event', (e: { spaceId: string; seq: number }) => this.received.get(e.spaceId)?.push(e.seq));
        socket.on('disconnect', () => {
          if (this.closed || this.socket !== socket) return;
          this.reconnects += 1;
          void this.start();
        });
        try {
          for (const spaceId of this.spaceIds) await this.join(socket, spaceId);
          resolve();
        } catch (err) {
          socket.removeAllListeners();
          socket.close();
          reject(err);
        }
      });
    });
  }

  private async join(socket: Socket, spaceId: string): Promise<void> {
    for (let tries = 0; tries < 40; tries += 1) {
      const ack = await socket
        .timeout(5000)
        .emitWithAck('space:join', { spaceId, afterSeq: this.lastSeq(spaceId) })
        .catch(() => undefined);
      if (ack?.ok) return;
      if (!socket.connected) throw new Error('disconnected while joining');
      await new Promise((r) => setTimeout(r, 250)); // e.g. 503 while PostgreSQL restarts
    }
    throw new Error(`could not join space ${spaceId}`);
  }
}
