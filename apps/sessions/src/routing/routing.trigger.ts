import { Injectable } from '@nestjs/common';

/**
 * "Something changed on this line's queue or capacity": fired in-process right after the write
 * (a session entered the queue, an operator came online, a session left an operator). The
 * RoutingService registers itself here, which keeps the writers free of a dependency on it.
 */
@Injectable()
export class RoutingTrigger {
  private handler?: (lineId: string) => Promise<void>;

  register(handler: (lineId: string) => Promise<void>): void {
    this.handler = handler;
  }

  /** Schedules a routing run of the line; the promise (which never rejects) settles when that run ended. */
  fire(lineId: string): Promise<void> {
    return this.handler?.(lineId) ?? Promise.resolve();
  }
}
