import { io, Socket } from 'socket.io-client';

/** What the server emits as `event`. */
export interface LiveEvent {
  type: string;
  spaceId: string;
  seq: number;
  payload: any;
  createdAt?: string;
}

export interface JoinAck {
  ok: boolean;
  seq?: number;
  statusCode?: number;
  message?: string;
}

export interface ConnectOptions {
  /** Sent as the handshake Origin header (use with the polling transport, as a browser would). */
  origin?: string;
  transports?: Array<'websocket' | 'polling'>;
  timeoutMs?: number;
}

/**
 * A Socket.IO client of `/live` that records every `event` it receives, in arrival order,
 * and how it was disconnected.
 */
export class LiveClient {
  readonly events: LiveEvent[] = [];
  disconnectReason?: string;

  private constructor(readonly socket: Socket) {
    socket.on('event', (event: LiveEvent) => this.events.push(event));
    socket.on('disconnect', (reason) => (this.disconnectReason = reason));
  }

  /** Connects (no automatic reconnection); rejects with the server's reason when refused. */
  static connect(baseUrl: string, token: string | undefined, options: ConnectOptions = {}): Promise<LiveClient> {
    const socket = io(`${baseUrl}/live`, {
      auth: token === undefined ? {} : { token },
      transports: options.transports ?? ['websocket'],
      extraHeaders: options.origin ? { origin: options.origin } : undefined,
      reconnection: false,
      forceNew: true,
      timeout: options.timeoutMs ?? 5000,
    });
    const client = new LiveClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(client));
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
    });
  }

  /** Tries to connect; says whether it worked and, if not, why. Never leaves a socket open. */
  static async attempt(
    baseUrl: string,
    token: string | undefined,
    options: ConnectOptions = {},
  ): Promise<{ connected: boolean; error?: string }> {
    try {
      const client = await LiveClient.connect(baseUrl, token, options);
      client.close();
      return { connected: true };
    } catch (err) {
      return { connected: false, error: (err as Error).message };
    }
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  join(spaceId: string, afterSeq?: number, timeoutMs = 10_000): Promise<JoinAck> {
    const body = afterSeq === undefined ? { spaceId } : { spaceId, afterSeq };
    return this.socket.timeout(timeoutMs).emitWithAck('space:join', body);
  }

  /** Events of one space, in arrival order. */
  eventsOf(spaceId: string): LiveEvent[] {
    return this.events.filter((e) => e.spaceId === spaceId);
  }

  seqsOf(spaceId: string): number[] {
    return this.eventsOf(spaceId).map((e) => e.seq);
  }

  /** Waits until `count` events of the space have arrived (fails early on a disconnect). */
  async waitForCount(spaceId: string, count: number, timeoutMs = 10_000): Promise<LiveEvent[]> {
    return this.waitFor(
      () => this.eventsOf(spaceId).length >= count,
      timeoutMs,
      `${count} events of space ${spaceId}`,
    ).then(() => this.eventsOf(spaceId));
  }

  /** Waits until an event with this seq has arrived. */
  async waitForSeq(spaceId: string, seq: number, timeoutMs = 10_000): Promise<LiveEvent> {
    await this.waitFor(
      () => this.eventsOf(spaceId).some((e) => e.seq === seq),
      timeoutMs,
      `seq ${seq} of space ${spaceId}`,
    );
    return this.eventsOf(spaceId).find((e) => e.seq === seq)!;
  }

  async waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) {
        const seqs = this.events.map((e) => e.seq);
        throw new Error(
          `timed out waiting for ${what}; received ${seqs.length} event(s): ${summarise(seqs)}${this.disconnectReason ? `; disconnected: ${this.disconnectReason}` : ''}`,
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Resolves with the reason once the server has closed the connection. */
  async waitForDisconnect(timeoutMs = 10_000): Promise<string> {
    await this.waitFor(() => this.disconnectReason !== undefined, timeoutMs, 'a disconnect');
    return this.disconnectReason!;
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.close();
  }
}

function summarise(seqs: number[]): string {
  if (seqs.length <= 20) return seqs.join(',');
  return `${seqs.slice(0, 10).join(',')} … ${seqs.slice(-10).join(',')}`;
}
