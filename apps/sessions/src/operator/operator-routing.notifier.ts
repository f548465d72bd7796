import { Injectable } from '@nestjs/common';
import { RoutingTrigger } from '../routing/routing.trigger';
import { SessionRepository } from '../session/persistence/session.repository';

/**
 * An operator became available (came online, or joined groups): every line with a queue is
 * routed, and the caller's reply waits for those runs, so "online" means "has been offered work".
 */
@Injectable()
export class OperatorRoutingNotifier {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly routing: RoutingTrigger,
  ) {}

  async operatorAvailable(): Promise<void> {
    // Lines are not stored here; the lines with waiting sessions are the only ones routing can change.
    const lines = await this.sessions.linesWithWaiting();
    await Promise.all(lines.map((lineId) => this.routing.fire(lineId)));
  }
}
