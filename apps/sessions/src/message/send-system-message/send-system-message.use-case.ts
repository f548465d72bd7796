import { Injectable } from '@nestjs/common';
import { LineMessageType, LinesRpc, RpcParsedRequest, SessionMessageReply } from '@openlines/contracts';
import { isConflict, retryOnConflict } from '@openlines/messaging';
import { toSessionData } from '../../session/persistence/session.schema';
import { SessionChanges } from '../../session/session-changes.service';
import { SessionCommandGuard } from '../../session/session-command.guard';
import { messageCreatedEvent } from '../domain/message-events.rules';
import { newMessageDocument } from '../domain/message.factory';
import { toMessageData } from '../persistence/message.schema';

export type SendSystemMessageRequest = RpcParsedRequest<typeof LinesRpc.sessions.sendSystemMessage>;

/** [doc] `sendSystemMessage(text)`: a note in the conversation, written by nobody in particular; never delivered. */
@Injectable()
export class SendSystemMessageUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly changes: SessionChanges,
  ) {}

  execute(request: SendSystemMessageRequest): Promise<SessionMessageReply> {
    return retryOnConflict(() => this.attempt(request), 10, isConflict);
  }

  private async attempt(request: SendSystemMessageRequest): Promise<SessionMessageReply> {
    const { session } = await this.guard.prepare(request.sessionId, request.actor, 'sendSystemMessage');
    const now = new Date();
    const message = newMessageDocument({
      session,
      seq: session._messageSeq + 1,
      body: request.text,
      type: LineMessageType.system,
      author: {},
      now,
      ...(request.actor.id === undefined ? {} : { createdBy: request.actor.id }),
      isRead: true,
    });
    const data = toMessageData(message);
    const saved = await this.changes.apply(
      session,
      {
        set: { _messageSeq: message._seq, _lastActivityAt: now.toISOString() },
        messages: [message],
        events: [messageCreatedEvent(data, toSessionData(session), request.actor)],
      },
      { actor: request.actor, now },
    );
    return { message: data, session: toSessionData(saved) };
  }
}
