import { useEffect, useRef, useState } from 'react';
import { api, call } from '../api/client';
import type { SpaceEvent } from '../api/types';
import { liveSocket } from './socket';

export type LiveStatus = 'connecting' | 'live' | 'offline';

interface Options {
  spaceId: string;
  /** The seq the page's data is up to date with; null until it has loaded. */
  initialSeq: number | null;
  onEvent(event: SpaceEvent): void;
  /** Events outside the seq order (moderation.queued for moderators). */
  onSideEvent?(event: SpaceEvent): void;
}

/**
 * Follows a space live: joins with `afterSeq` (on first connect and on every
 * reconnect, so what was missed is replayed first), applies each seq once, and
 * fills a gap from GET /spaces/:id/events before going on.
 */
export function useSpaceLive({ spaceId, initialSeq, onEvent, onSideEvent }: Options): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const seqRef = useRef<number | null>(initialSeq);
  const handlers = useRef({ onEvent, onSideEvent });
  handlers.current = { onEvent, onSideEvent };

  useEffect(() => {
    if (initialSeq === null) return;
    seqRef.current = Math.max(seqRef.current ?? 0, initialSeq);
    const socket = liveSocket();
    if (!socket) {
      setStatus('offline');
      return;
    }
    let stopped = false;
    let filling: Promise<void> | null = null;
    const queue: SpaceEvent[] = [];

    const apply = (event: SpaceEvent) => {
      const last = seqRef.current ?? 0;
      if (event.seq <= last) return; // a repeat (replay overlapping live delivery)
      seqRef.current = event.seq;
      handlers.current.onEvent(event);
    };

    const fillGap = async (upTo: number) => {
      while (!stopped && (seqRef.current ?? 0) < upTo) {
        const page = await call<{ items: SpaceEvent[] }>(
          api.GET('/api/v1/spaces/{id}/events', {
            params: { path: { id: spaceId }, query: { afterSeq: String(seqRef.current ?? 0) } },
          }),
        );
        if (!page.items.length) break;
        page.items.forEach(apply);
      }
    };

    const drain = () => {
      if (filling) return;
      while (queue.length) {
        const event = queue.shift()!;
        const last = seqRef.current ?? 0;
        if (event.seq > last + 1) {
          queue.unshift(event);
          filling = fillGap(event.seq - 1)
            .catch(() => undefined)
            .finally(() => {
              filling = null;
              // whatever the log did not give us, the event itself moves us on
              const next = queue[0];
              if (next && (seqRef.current ?? 0) < next.seq - 1) seqRef.current = next.seq - 1;
              drain();
            });
          return;
        }
        apply(event);
      }
    };

    const onMessage = (event: SpaceEvent) => {
      if (event?.spaceId !== spaceId) return;
      if (typeof event.seq !== 'number') {
        handlers.current.onSideEvent?.(event);
        return;
      }
      queue.push(event);
      drain();
    };

    const join = () => {
      setStatus('connecting');
      socket.emit('space:join', { spaceId, afterSeq: seqRef.current ?? 0 }, (ack: { ok: boolean; seq?: number }) => {
        if (stopped) return;
        setStatus(ack?.ok ? 'live' : 'offline');
      });
    };
    const onDisconnect = () => !stopped && setStatus('offline');

    const onQueued = (event: SpaceEvent) => event?.spaceId === spaceId && handlers.current.onSideEvent?.(event);
    const onReconnectAttempt = () => !stopped && setStatus('connecting');
    socket.on('event', onMessage);
    socket.on('moderation.queued', onQueued);
    socket.on('connect', join);
    socket.on('disconnect', onDisconnect);
    socket.io.on('reconnect_attempt', onReconnectAttempt);
    if (socket.connected) join();

    return () => {
      stopped = true;
      socket.off('event', onMessage);
      socket.off('moderation.queued', onQueued);
      socket.io.off('reconnect_attempt', onReconnectAttempt);
      socket.off('connect', join);
      socket.off('disconnect', onDisconnect);
      if (socket.connected) socket.emit('space:leave', { spaceId });
    };
  }, [spaceId, initialSeq]);

  return status;
}
