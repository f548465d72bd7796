import { Injectable } from '@nestjs/common';
import {
  Actor,
  LineClientData,
  LineData,
  LineSessionState,
  MessageInboundPayload,
  inboundMessageKeyOf,
  isClientBlocked,
} from '@openlines/contracts';
import { isConflict, retryOnConflict } from '@openlines/messaging';
import { ClientDirectory, LineDirectory } from '../../directory/directory.ports';
import { SessionOutboxRelay } from '../../outbox/session-outbox.relay';
import { QueueClock } from '../../routing/domain/queue.rules';
import { newSessionDocument } from '../../session/domain/session.factory';
import { canTransition } from '../../session/domain/session.rules';
import { SessionRepository } from '../../session/persistence/session.repository';
import { SessionDocument, toSessionData } from '../../session/persistence/session.schema';
import { SessionChanges } from '../../session/session-changes.service';
import { messageCreatedEvent } from '../domain/message-events.rules';
import { inboundMessageId } from '../domain/message.factory';
import { MessageRepository } from '../persistence/message.repository';
import { toMessageData } from '../persistence/message.schema';
import { inboundMessageDocument } from './inbound-message.mapper';

interface Inbound {
  event: MessageInboundPayload;
  messageId: string;
  line: LineData;
  client: LineClientData;
  blocked: boolean;
}

/**
 * A client's message from the channels service: continues the client's open session on the line
 * [doc] or opens one (Waiting, or with the line's bot when `_botFirst`); a blocked client's
 * message goes to a session marked as spam at once. Idempotent: the message id derives from
 * (channel, chat, messenger id), so a redelivered event finds it stored, or among the session's
 * recently appended ids, and changes nothing; the same messenger id in another chat is new.
 */
@Injectable()
export class ReceiveInboundMessageUseCase {
  constructor(
    private readonly directory: LineDirectory,
    private readonly clients: ClientDirectory,
    private readonly sessions: SessionRepository,
    private readonly messages: MessageRepository,
    private readonly changes: SessionChanges,
    private readonly relay: SessionOutboxRelay,
    private readonly clock: QueueClock,
  ) {}

  async execute(event: MessageInboundPayload): Promise<void> {
    const messageId = inboundMessageId(inboundMessageKeyOf(event));
    if (await this.alreadyTaken(messageId)) return;
    const line = await this.directory.getLine(event.lineId);
    const { client } = await this.clients.findOrCreate({
      channelId: event.channelId,
      account: event.account,
      ...(event.displayName === undefined ? {} : { displayName: event.displayName }),
      ...(event.externalUserId === undefined ? {} : { externalId: event.externalUserId }),
    });
    const inbound: Inbound = { event, messageId, line, client, blocked: isClientBlocked(client, new Date(), line.__id) };
    // A concurrent write to the session (an operator's reply, a replica) only means: read again.
    await retryOnConflict(() => this.deliver(inbound), 10, isConflict);
  }

  private async alreadyTaken(messageId: string): Promise<boolean> {
    if (await this.messages.exists(messageId)) return true;
    const appended = await this.sessions.findByRecentMessage(messageId);
    if (appended === null) return false;
    await this.relay.flush(appended.__id); // appended by a run that died before its relay
    return true;
  }

  private async deliver(inbound: Inbound): Promise<void> {
    if (await this.alreadyTaken(inbound.messageId)) return;
    const target = await this.targetSession(inbound);
    if (target !== null) {
      await this.append(target, inbound);
      return;
    }
    await this.open(inbound);
  }

  /** The open session; for a blocked client, the spam session it already writes to, if it is the latest. */
  private async targetSession({ line, client, blocked }: Inbound): Promise<SessionDocument | null> {
    const target = blocked
      ? await this.sessions.findLatest(line.__id, client.__id)
      : await this.sessions.findOpen(line.__id, client.__id);
    const spamOnlyForBlocked = blocked === (target?._state === LineSessionState.MarkedAsSpam);
    return target !== null && spamOnlyForBlocked && canTransition('receiveClientMessage', target._state) ? target : null;
  }

  private async append(session: SessionDocument, inbound: Inbound): Promise<void> {
    const now = new Date();
    const message = this.message(session, session._messageSeq + 1, inbound, now);
    await this.changes.apply(
      session,
      {
        set: { _messageSeq: message._seq, _lastActivityAt: now.toISOString() },
        messages: [message],
        events: [messageCreatedEvent(toMessageData(message), toSessionData(session), this.sender(inbound))],
        recentMessageIds: [message.__id],
      },
      { actor: this.sender(inbound), now },
    );
  }

  private async open(inbound: Inbound): Promise<void> {
    const { line, client, event, blocked } = inbound;
    const now = new Date();
    const withBot = !blocked && line._botFirst && line._bot !== undefined;
    const state = blocked ? LineSessionState.MarkedAsSpam : withBot ? LineSessionState.AssignedToBot : LineSessionState.Waiting;
    const doc = newSessionDocument({
      line,
      channel: await this.directory.getChannel(event.channelId),
      client,
      account: event.account,
      now,
      tick: this.clock.tick(now),
      state,
      ...(withBot ? { botId: line._bot } : {}),
      ...(event.externalChatId === undefined ? {} : { externalChatId: event.externalChatId }),
      ...(event.displayName === undefined ? {} : { externalChatName: event.displayName }),
    });
    // Un-spamming a blocked client's session sends it to the queue.
    if (blocked) doc._stateBeforeSpam = LineSessionState.Waiting;
    const message = this.message(doc, 1, inbound, now);
    doc._messageSeq = 1;
    doc._recentMessageIds = [message.__id];
    const sender = this.sender(inbound);
    await this.changes.create(doc, { actor: sender, now, reason: 'created' }, {
      messages: [message],
      events: [messageCreatedEvent(toMessageData(message), toSessionData(doc), sender)],
    });
  }

  private sender(inbound: Inbound): Actor {
    return { type: 'client', id: inbound.client.__id };
  }

  private message(session: Pick<SessionDocument, '__id' | '_channel' | '_line'>, seq: number, inbound: Inbound, now: Date) {
    return inboundMessageDocument(session, seq, inbound.event, inbound.client.__id, inbound.messageId, now);
  }
}
