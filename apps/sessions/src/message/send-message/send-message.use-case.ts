import { Injectable } from '@nestjs/common';
import {
  Actor,
  LineMessageType,
  LineSessionState,
  LinesRpc,
  RpcParsedRequest,
  SessionMessageReply,
} from '@openlines/contracts';
import { isConflict, retryOnConflict } from '@openlines/messaging';
import { SessionDocument, toSessionData } from '../../session/persistence/session.schema';
import { SessionChanges } from '../../session/session-changes.service';
import { SessionCommandGuard } from '../../session/session-command.guard';
import { messageCreatedEvent, messageOutboundEvent } from '../domain/message-events.rules';
import { MessageAuthor, newMessageDocument } from '../domain/message.factory';
import { toMessageData } from '../persistence/message.schema';

export type SendMessageRequest = RpcParsedRequest<typeof LinesRpc.sessions.sendMessage>;

/**
 * [ours] `sendMessage(text, files?)`: a reply by the session's operator or bot (or a supervisor,
 * or the system on their behalf). Stored with the session change, and asked for delivery to the
 * client's messenger with message.outbound. An offline operator cannot reply [doc].
 */
@Injectable()
export class SendMessageUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly changes: SessionChanges,
  ) {}

  execute(request: SendMessageRequest): Promise<SessionMessageReply> {
    // A client message arriving meanwhile moves the version: appending again is always right.
    return retryOnConflict(() => this.attempt(request), 10, isConflict);
  }

  private async attempt(request: SendMessageRequest): Promise<SessionMessageReply> {
    const { session } = await this.guard.prepare(request.sessionId, request.actor, 'sendMessage');
    const now = new Date();
    const files = request.files ?? [];
    const message = newMessageDocument({
      session,
      seq: session._messageSeq + 1,
      body: request.text,
      type: request.text.trim() === '' && files.length > 0 ? LineMessageType.file : LineMessageType.text,
      author: authorOf(request.actor, session),
      now,
      ...(request.actor.id === undefined ? {} : { createdBy: request.actor.id }),
      ...(files.length === 0 ? {} : { files }),
      isRead: true,
    });
    const data = toMessageData(message);
    const view = toSessionData(session);
    const saved = await this.changes.apply(
      session,
      {
        set: { _messageSeq: message._seq, _lastActivityAt: now.toISOString() },
        messages: [message],
        events: [
          messageCreatedEvent(data, view, request.actor),
          messageOutboundEvent(data, view, session._clients[0], session._account),
        ],
      },
      { actor: request.actor, now },
    );
    return { message: data, session: toSessionData(saved) };
  }
}

/** The operator or bot who writes: the actor itself, or (for the system) whoever holds the session. */
function authorOf(actor: Actor, session: SessionDocument): MessageAuthor {
  if (actor.type === 'operator' && actor.id !== undefined) return { operator: actor.id };
  if (actor.type === 'bot') {
    const bot = actor.id ?? session._botId;
    if (bot !== undefined) return { bot };
  }
  if (session._state === LineSessionState.AssignedToOperator && session._userId !== undefined) {
    return { operator: session._userId };
  }
  return session._botId !== undefined ? { bot: session._botId } : {};
}
