import {
  JsonObject,
  MESSAGE_TEXT_MAX_LENGTH,
  NAME_MAX_LENGTH,
  OpenLinesError,
} from '@openlines/contracts';
import { NormalisedInbound } from './inbound-update';

/** A raw update is kept whole up to this many JSON bytes; real ones are a few kilobytes. */
export const INBOUND_RAW_MAX_BYTES = 8 * 1024;
/** Of a larger one, the start of its JSON text (UTF-16 units: at most 6 KiB). */
export const INBOUND_RAW_HEAD_LENGTH = 2 * 1024;
/** No event above this is published (NATS's default max payload is 1 MiB). */
export const INBOUND_EVENT_MAX_BYTES = 256 * 1024;

export interface BoundedInbound {
  message: NormalisedInbound;
  raw?: JsonObject;
  /** What was cut (`text`, `displayName`, `attachments`, `raw`); empty when nothing was. */
  truncated: string[];
}

/**
 * Cuts what a messenger sent to what OpenLines publishes and stores, so that an event fits a NATS
 * message and a stored message fits a page of getAllMessages. A messenger answered 400 retries
 * forever, so a signed update is not refused for its size: the text is cut at the outbound limit
 * (MESSAGE_TEXT_MAX_LENGTH), names at NAME_MAX_LENGTH, and a raw update above INBOUND_RAW_MAX_BYTES
 * is replaced by its size and the start of its JSON. `raw.truncated` then lists what was cut.
 */
export function boundInbound(message: NormalisedInbound, raw?: JsonObject): BoundedInbound {
  const cuts = new Set<string>();
  const cut = (field: string, value: string, max: number): string => {
    if (value.length <= max) return value;
    cuts.add(field);
    return cutAt(value, max);
  };
  const bounded: NormalisedInbound = {
    ...message,
    text: cut('text', message.text, MESSAGE_TEXT_MAX_LENGTH),
    displayName: cut('displayName', message.displayName, NAME_MAX_LENGTH),
    attachments: message.attachments.map((attachment) => ({
      ...attachment,
      ...(attachment.name === undefined
        ? {}
        : { name: cut('attachments', attachment.name, NAME_MAX_LENGTH) }),
      ...(attachment.mimeType === undefined
        ? {}
        : { mimeType: cut('attachments', attachment.mimeType, NAME_MAX_LENGTH) }),
    })),
  };
  if (raw === undefined) return { message: bounded, truncated: [...cuts] };
  const json = JSON.stringify(raw);
  const bytes = Buffer.byteLength(json);
  if (bytes > INBOUND_RAW_MAX_BYTES) cuts.add('raw');
  const truncated = [...cuts];
  if (cuts.has('raw')) {
    const rawHead = cutAt(json, INBOUND_RAW_HEAD_LENGTH);
    return { message: bounded, raw: { truncated, rawBytes: bytes, rawHead }, truncated };
  }
  return { message: bounded, raw: truncated.length === 0 ? raw : { ...raw, truncated }, truncated };
}

/**
 * The last guard before JetStream, for what no messenger sends (a megabyte of account or avatar
 * URL): VALIDATION_FAILED naming the largest field rather than a publish that NATS refuses.
 */
export function assertInboundEventFits(payload: Record<string, unknown>): void {
  const bytes = Buffer.byteLength(JSON.stringify(payload));
  if (bytes <= INBOUND_EVENT_MAX_BYTES) return;
  const sizes = Object.entries(payload).map(([field, value]) => ({
    field,
    bytes: Buffer.byteLength(JSON.stringify(value) ?? ''),
  }));
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const message = `${largest.field} is ${largest.bytes} bytes: the message would exceed ${INBOUND_EVENT_MAX_BYTES}`;
  throw OpenLinesError.validation(`invalid inbound message: ${message}`, [
    { field: largest.field, message },
  ]);
}

/** The first `max` UTF-16 units, without splitting a surrogate pair. */
function cutAt(value: string, max: number): string {
  const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}
