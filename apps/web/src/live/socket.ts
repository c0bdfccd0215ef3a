import { io, type Socket } from 'socket.io-client';
import { getToken, renewSession } from '../api/client';

let socket: Socket | null = null;

/**
 * One Socket.IO connection to /live per signed-in session, shared by every page. Each
 * (re)connection presents the current access token; one refused because the token
 * expired renews it and tries again. The server closes the connection when the session
 * ends (signed out elsewhere, password changed): then it stays closed.
 */
export function liveSocket(): Socket | null {
  if (!getToken()) return null;
  if (socket) return socket;
  const live = io('/live', {
    auth: (cb) => cb({ token: getToken() }),
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  live.on('connect_error', () => {
    if (live.active) return; // socket.io retries by itself
    void renewSession().then((answer) => {
      if (answer && socket === live) live.connect();
    });
  });
  socket = live;
  return live;
}

export function closeLiveSocket(): void {
  socket?.disconnect();
  socket = null;
}
