import { Injectable } from '@nestjs/common';
import { Actor, LineData, LineSessionState } from '@openlines/contracts';
import { LineDirectory } from '../directory/directory.ports';
import { ActorContextResolver } from './actor-context.resolver';
import { SessionErrors } from './domain/session.errors';
import { ActorContext, PermissionAction, authorize } from './domain/session-permissions.rules';
import { SessionAction, nextState } from './domain/session.rules';
import { SessionRepository } from './persistence/session.repository';
import { SessionDocument } from './persistence/session.schema';

export interface PreparedCommand {
  session: SessionDocument;
  line: LineData;
  actor: ActorContext;
  /** The state the action leads to. */
  next: LineSessionState;
}

/**
 * The checks every session command makes before it writes, in this order: the session exists
 * (NOT_FOUND), the actor may do this (FORBIDDEN), the state allows it (INVALID_TRANSITION with
 * the current state in details).
 */
@Injectable()
export class SessionCommandGuard {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly directory: LineDirectory,
    private readonly actors: ActorContextResolver,
  ) {}

  private async load(sessionId: string): Promise<{ session: SessionDocument; line: LineData }> {
    const session = await this.sessions.findById(sessionId);
    if (session === null) throw SessionErrors.notFound(sessionId);
    return { session, line: await this.directory.getLine(session._line) };
  }

  async prepare(sessionId: string, actor: Actor, action: SessionAction, targetUserId?: string): Promise<PreparedCommand> {
    const { session, line } = await this.load(sessionId);
    const context = await this.actors.resolve(actor, line);
    this.authorize(action, context, session, targetUserId);
    const result = nextState(action, session._state);
    if (!result.ok) {
      throw SessionErrors.invalidTransition({ ...result.refusal, details: { ...result.refusal.details } });
    }
    return { session, line, actor: context, next: result.state };
  }

  authorize(action: PermissionAction, actor: ActorContext, session: SessionDocument | undefined, targetUserId?: string): void {
    const view = session && { state: session._state, userId: session._userId, botId: session._botId };
    const decision = authorize(action, actor, view, targetUserId);
    if (!decision.allowed) {
      throw SessionErrors.forbidden(action, decision.reason, {
        ...(session ? { sessionId: session.__id, state: session._state } : {}),
        actor: { type: actor.type, id: actor.id },
      });
    }
  }
}
