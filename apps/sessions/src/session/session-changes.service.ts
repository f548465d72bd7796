import { Injectable } from '@nestjs/common';
import { LineSessionState } from '@openlines/contracts';
import { OperatorLoadGuard } from '../operator/operator-load.guard';
import { RoutingTrigger } from '../routing/routing.trigger';
import { SessionDocument } from './persistence/session.schema';
import { SessionPatch, SessionWriter, WriteContext } from './session.writer';

/**
 * Session writes plus what must follow them: a session that leaves its operator frees that
 * operator's capacity seat, and the line is routed again whenever its queue or an operator's
 * room changed (the run is not awaited: a reply does not wait for the routing of a whole queue).
 * Every use case writes sessions through here.
 */
@Injectable()
export class SessionChanges {
  constructor(
    private readonly writer: SessionWriter,
    private readonly loads: OperatorLoadGuard,
    private readonly routing: RoutingTrigger,
  ) {}

  async create(doc: SessionDocument, context: WriteContext, patch: Pick<SessionPatch, 'messages' | 'events'> = {}): Promise<SessionDocument> {
    const saved = await this.writer.create(doc, context, patch);
    if (saved._state === LineSessionState.Waiting) void this.routing.fire(saved._line);
    return saved;
  }

  async apply(current: SessionDocument, patch: SessionPatch, context: WriteContext): Promise<SessionDocument> {
    const saved = await this.writer.change(current, patch, context);
    if (saved !== current) await this.afterChange(current, saved);
    return saved;
  }

  private async afterChange(before: SessionDocument, after: SessionDocument): Promise<void> {
    const { AssignedToOperator, Waiting } = LineSessionState;
    const previous = before._state === AssignedToOperator ? before._userId : undefined;
    const kept = after._state === AssignedToOperator && after._userId === previous;
    if (previous !== undefined && !kept) {
      await this.loads.sessionLeft(before._line, previous, before.__id, after._version);
      void this.routing.fire(before._line);
    }
    const queueChanged =
      before._state !== Waiting || before._priority !== after._priority || before._userGroupId !== after._userGroupId;
    if (after._state === Waiting && queueChanged) void this.routing.fire(after._line);
  }
}
