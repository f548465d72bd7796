import {
  Actor,
  LineMessageData,
  LineSessionData,
  LinesEvents,
  MessageCreatedPayload,
  MessageOutboundPayload,
} from '@openlines/contracts';
import { PendingEvent } from '../../outbox/pending-event';

/** message.created: every stored message, whoever wrote it. */
export function messageCreatedEvent(message: LineMessageData, session: LineSessionData, sender: Actor): PendingEvent {
  const payload: MessageCreatedPayload = {
    eventId: `message.created:${message.__id}`,
    occurredAt: message.__createdAt,
    sessionId: session.__id,
    lineId: session._line,
    channelId: session._channel,
    sender,
    message,
  };
  return { eventId: payload.eventId, subject: LinesEvents.message.created, payload };
}

/** message.outbound: asks the channels service to deliver a reply to the client's messenger. */
export function messageOutboundEvent(
  message: LineMessageData,
  session: LineSessionData,
  clientId: string,
  account: string,
): PendingEvent {
  const payload: MessageOutboundPayload = {
    eventId: `message.outbound:${message.__id}`,
    occurredAt: message.__createdAt,
    messageId: message.__id,
    sessionId: session.__id,
    lineId: session._line,
    channelId: session._channel,
    clientId,
    account,
    ...(session._externalChatId === undefined ? {} : { externalChatId: session._externalChatId }),
    text: message.body,
    ...(message.files === undefined ? {} : { files: message.files }),
  };
  return { eventId: payload.eventId, subject: LinesEvents.message.outbound, payload };
}
