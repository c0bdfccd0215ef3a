import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { AppConfig, RedisConnections } from '@roundtable/core';

/** Largest frame a client may send; bigger ones close the connection. */
export const MAX_FRAME_BYTES = 100 * 1024;

/**
 * Socket.IO on the api's HTTP server, sharing rooms across api processes through Redis,
 * refusing browsers from origins that are not configured.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly config: AppConfig;
  private readonly redis: RedisConnections;

  constructor(app: INestApplicationContext) {
    super(app);
    this.config = app.get(AppConfig);
    this.redis = app.get(RedisConnections);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = new Set(this.config.ALLOWED_ORIGINS);
    const server: Server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_FRAME_BYTES,
      cors: { origin: [...allowed], credentials: false },
      // browsers always send Origin; a missing one is a server-side client, checked by its token
      allowRequest: (
        req: { headers: Record<string, string | string[] | undefined> },
        callback: (err: string | null, ok: boolean) => void,
      ) => {
        const origin = req.headers.origin;
        callback(null, origin === undefined || (typeof origin === 'string' && allowed.has(origin)));
      },
    });
    const pub = this.redis.create('io-pub');
    const sub = this.redis.create('io-sub');
    server.adapter(createAdapter(pub, sub, { key: this.redis.key('socket.io') }));
    return server;
  }
}
