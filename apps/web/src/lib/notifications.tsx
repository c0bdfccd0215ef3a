import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api, call } from '../api/client';
import type { Notification } from '../api/types';
import { liveSocket } from '../live/socket';
import { useAuth } from './auth';

type Listener = (notification: Notification) => void;

interface NotificationsState {
  /** How many of the member's notices are unread (null until known). */
  unread: number | null;
  setUnread(count: number): void;
  /** Calls `listener` with each notice that arrives live; returns the unsubscribe. */
  subscribe(listener: Listener): () => void;
}

const NotificationsContext = createContext<NotificationsState | null>(null);

/**
 * The signed-in member's notices as they arrive on the shared live socket (`notification`),
 * and the unread count of the bell: read at sign-in and again on every reconnection, since
 * notices that arrived while the socket was away are only in the list.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [unread, setUnread] = useState<number | null>(null);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    setUnread(null);
    if (!user) return;
    const socket = liveSocket();
    let stopped = false;
    const refresh = () => {
      call<{ unread: number }>(api.GET('/api/v1/me/notifications/unread-count'))
        .then((answer) => !stopped && setUnread(answer.unread))
        .catch(() => undefined);
    };
    const onNotification = (notification: Notification) => {
      if (!notification.readAt) setUnread((n) => (n ?? 0) + 1);
      for (const listener of listeners.current) listener(notification);
    };
    refresh();
    socket?.on('notification', onNotification);
    socket?.on('connect', refresh);
    return () => {
      stopped = true;
      socket?.off('notification', onNotification);
      socket?.off('connect', refresh);
    };
  }, [user?.id]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ unread, setUnread, subscribe }), [unread, subscribe]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsState {
  const ctx = useContext(NotificationsContext);
  if (!ctx) throw new Error('useNotifications outside NotificationsProvider');
  return ctx;
}

/** Calls `listener` with each notice that arrives live while the component is mounted. */
export function useNotificationListener(listener: Listener): void {
  const { subscribe } = useNotifications();
  const current = useRef(listener);
  current.current = listener;
  useEffect(() => subscribe((n) => current.current(n)), [subscribe]);
}
