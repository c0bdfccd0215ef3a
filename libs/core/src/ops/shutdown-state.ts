import { Injectable } from '@nestjs/common';

/**
 * Whether this process has begun a graceful shutdown. Readiness answers 503 from then on,
 * so a load balancer stops sending new work while in-flight work finishes.
 */
@Injectable()
export class ShutdownState {
  private since?: Date;

  begin(): void {
    this.since ??= new Date();
  }

  get draining(): boolean {
    return this.since !== undefined;
  }
}
