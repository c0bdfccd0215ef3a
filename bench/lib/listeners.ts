/**
 * The fan-out figure's live listeners, in a process of their own (started by
 * {@link fanOut} with `fork`): parsing 200 sockets' events must not hold up the bench's
 * posting and timing, nor be held up by it. Told `{ url, tokens, spaceId, count }`, it
 * connects and joins, answers `joined`, and when asked `report` answers when each listener
 * got each contribution, in epoch milliseconds at sub-millisecond resolution (the same
 * clock as the poster's in the parent); the parent then ends it.
 */
import { io, Socket } from 'socket.io-client';

export interface ListenOrder {
  url: string;
  tokens: string[];
  spaceId: string;
  count: number;
}

/** Contribution id → when each listener received it. */
export type Receipts = Record<string, number[]>;

/** Epoch milliseconds with performance.now()'s resolution: comparable across processes. */
export const epochNow = () => performance.timeOrigin + performance.now();

async function listen(order: ListenOrder): Promise<() => Receipts> {
  const receipts: Receipts = {};
  const sockets: Socket[] = [];
  for (let i = 0; i < order.count; i++) {
    const socket = io(`${order.url}/live`, {
      auth: { token: order.tokens[i % order.tokens.length] },
      transports: ['websocket'],
      forceNew: true,
    });
    socket.on('event', (e: { type: string; payload: { contribution: { id: string } } }) => {
      if (e.type !== 'contribution.published') return;
      (receipts[e.payload.contribution.id] ??= []).push(epochNow());
    });
    sockets.push(socket);
  }
  await Promise.all(sockets.map((s) => new Promise((r) => (s.connected ? r(null) : s.once('connect', () => r(null))))));
  await Promise.all(sockets.map((s) => s.emitWithAck('space:join', { spaceId: order.spaceId })));
  return () => {
    sockets.forEach((s) => s.close());
    return receipts;
  };
}

if (require.main === module) {
  let report: (() => Receipts) | undefined;
  process.on('message', (message: ListenOrder | 'report') => {
    if (message === 'report') {
      process.send!({ receipts: report?.() ?? {} });
      return;
    }
    listen(message).then(
      (done) => {
        report = done;
        process.send!('joined');
      },
      (err: Error) => {
        console.error(`listeners could not join: ${err.message}`);
        process.exit(1);
      },
    );
  });
}
