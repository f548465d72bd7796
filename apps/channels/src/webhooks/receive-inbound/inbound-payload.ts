import {
  JsonObject,
  MessageInboundPayload,
  MessageInboundPayloadSchema,
  inboundMessageEventId,
  inboundMessageKeyOf,
  validate,
} from '@openlines/contracts';
import { ChannelRecord } from '../../channels/domain/channel.rules';
import { assertInboundEventFits } from '../domain/inbound-limits.rules';
import { NormalisedInbound } from '../domain/inbound-update';

/** The message.inbound event of a (bounded) normalised message. */
export function inboundPayload(
  channel: ChannelRecord,
  message: NormalisedInbound,
  now: Date,
  raw: JsonObject | undefined,
): MessageInboundPayload {
  const { sentAt, ...fields } = message;
  const payload = {
    ...fields,
    eventId: inboundMessageEventId(inboundMessageKeyOf({ channelId: channel.__id, ...message })),
    occurredAt: now.toISOString(),
    channelId: channel.__id,
    lineId: channel._line,
    channelType: channel._type,
    receivedAt: now.toISOString(),
    sentAt,
    ...(raw === undefined ? {} : { raw }),
  };
  assertInboundEventFits(payload);
  // The last edge before JetStream: what we publish must be what every consumer accepts.
  return validate(MessageInboundPayloadSchema, payload, 'inbound message');
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
