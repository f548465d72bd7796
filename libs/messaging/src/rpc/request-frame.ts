import type { ConsumerDeserializer, IncomingEvent, IncomingRequest } from '@nestjs/microservices';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { decodeJson } from '../events/json.codec';

/**
 * A frame on an RPC subject that is not a Nest packet. `id` is the packet's own id when it had a
 * usable one, so the refusal reaches the caller as the reply to its request.
 */
export class RequestFrameError extends OpenLinesError {
  constructor(
    readonly subject: string,
    readonly field: string,
    problem: string,
    readonly id?: string,
  ) {
    super(ErrorCode.ValidationFailed, `${subject} request refused: ${field} ${problem}`, {
      issues: [{ field, message: `${field} ${problem}` }],
    });
    this.name = 'RequestFrameError';
  }
}

const PACKET_SHAPE = 'expected a JSON object { pattern, data, id }';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Reads one frame of the Nest NATS transport (see rpc-packet.ts) without trusting it: it must be
 * a JSON object with a string `pattern`, a `data` key, and a string `id`, which only an event
 * (a frame without reply subject) may leave out. Throws a RequestFrameError otherwise.
 * JSON.parse is iterative, so a deeply nested frame decodes here; bounding depth is the job of
 * the schema that validates `data`.
 */
export function readRequestFrame(
  bytes: Uint8Array,
  subject: string,
  expectsReply: boolean,
): IncomingRequest | IncomingEvent {
  let value: unknown;
  try {
    value = decodeJson(bytes);
  } catch {
    throw new RequestFrameError(subject, 'request', `is not JSON: ${PACKET_SHAPE}`);
  }
  if (value === undefined) {
    throw new RequestFrameError(subject, 'request', `is empty: ${PACKET_SHAPE}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RequestFrameError(subject, 'request', `is ${kindOf(value)}: ${PACKET_SHAPE}`);
  }
  const packet = value as Record<string, unknown>;
  const id = typeof packet.id === 'string' && packet.id.length > 0 ? packet.id : undefined;
  if (packet.id !== undefined && id === undefined) {
    throw new RequestFrameError(
      subject,
      'id',
      `must be a non-empty string, not ${kindOf(packet.id)}`,
    );
  }
  if (id === undefined && expectsReply) {
    throw new RequestFrameError(
      subject,
      'id',
      'is required: a request without id is never answered',
    );
  }
  if (typeof packet.pattern !== 'string' || packet.pattern.length === 0) {
    throw new RequestFrameError(subject, 'pattern', 'must be a non-empty string', id);
  }
  if (!('data' in packet)) {
    throw new RequestFrameError(
      subject,
      'data',
      'is required (null when there is nothing to send)',
      id,
    );
  }
  const frame = { pattern: packet.pattern, data: packet.data };
  return id === undefined ? frame : { ...frame, id };
}

/** The deserializer of OpenLinesNatsServer: readRequestFrame on the subscribed subject. */
export class RequestFrameDeserializer implements ConsumerDeserializer {
  deserialize(
    value: Uint8Array,
    options?: { channel?: string; replyTo?: string },
  ): IncomingRequest | IncomingEvent {
    return readRequestFrame(value, options?.channel ?? '', Boolean(options?.replyTo));
  }
}
