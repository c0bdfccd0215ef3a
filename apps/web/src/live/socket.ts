import { io, type Socket } from 'socket.io-client';
import { getToken } from '../api/client';

let socket: Socket | null = null;
let socketToken: string | null = null;

/** One Socket.IO connection to /live per signed-in session, shared by every page. */
export function liveSocket(): Socket | null {
  const token = getToken();
  if (!token) return null;
  if (socket && socketToken === token) return socket;
  socket?.disconnect();
  socketToken = token;
  socket = io('/live', {
    auth: { token },
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  return socket;
}

export function closeLiveSocket(): void {
  socket?.disconnect();
  socket = null;
  socketToken = null;
}
