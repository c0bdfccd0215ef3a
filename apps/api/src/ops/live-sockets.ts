import type { INestApplicationContext } from '@nestjs/common';
import type { Server, ServerOptions } from 'socket.io';
import { Metrics } from '@roundtable/core';
import { RedisIoAdapter } from '@roundtable/live';

/** Notice sent to every live client of a stopping api process, just before its connection is closed. */
export const SHUTDOWN_NOTICE = 'server:shutdown';

/**
 * The live adapter, plus what operations need from it: the Socket.IO servers of this
 * process, counted for `/metrics` and told to reconnect elsewhere on shutdown.
 */
export class LiveSockets extends RedisIoAdapter {
  private readonly servers: Server[] = [];

  constructor(app: INestApplicationContext) {
    super(app);
    app.get(Metrics).onScrape(async () => app.get(Metrics).socketConnections.set(this.connections));
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    this.servers.push(server);
    return server;
  }

  /** Open Socket.IO connections (all namespaces) held by this process. */
  get connections(): number {
    return this.servers.reduce((n, s) => n + (s.engine?.clientsCount ?? 0), 0);
  }

  /**
   * Tells every live client of this process to reconnect (to another api process behind
   * the load balancer) and closes its transport. Clients see a transport close, which
   * Socket.IO clients answer by reconnecting; joining with `afterSeq` catches them up.
   */
  sendElsewhere(): number {
    let told = 0;
    for (const server of this.servers) {
      for (const namespace of server._nsps.values()) {
        for (const socket of namespace.sockets.values()) {
          socket.emit(SHUTDOWN_NOTICE, { reconnect: true });
          told += 1;
        }
      }
      // after the notices are flushed: the transport goes, the clients reconnect by themselves
      const clients =
        (server.engine as unknown as { clients?: Record<string, { close(): void }> } | undefined)?.clients ?? {};
      for (const socket of Object.values(clients)) socket.close();
    }
    return told;
  }
}
