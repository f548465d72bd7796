import { ErrorCode as NatsErrorCode, NatsConnection, NatsError } from 'nats';
import { z } from 'zod';
import {
  ErrorCode,
  OpenLinesError,
  isErrorBody,
  serialisationError,
  validate,
} from '@openlines/contracts';
import { currentCorrelationId, newCorrelationId } from '@openlines/observability';
import { prefixedSubject } from '../config/nats.config';
import { decodeJson, encodeJson } from '../events/json.codec';
import { correlationHeaders, toNatsHeaders } from '../events/message-headers';
import { NestReplyPacketSchema, requestPacket } from './rpc-packet';

export const DEFAULT_RPC_TIMEOUT_MS = 5000;

export interface RpcRequestOptions<S extends z.ZodTypeAny = z.ZodTypeAny> {
  timeoutMs?: number;
  /** Validates the reply; a reply that does not match fails with VALIDATION_FAILED. */
  schema?: S;
  /** Defaults to the current correlation id, or a new one. */
  correlationId?: string;
}

export interface RpcClientOptions {
  /** Must equal the responders' NATS_SUBJECT_PREFIX (see NatsConfig.subjectPrefix). */
  subjectPrefix?: string;
}

/**
 * Request-reply to OpenLines services over NATS, in the Nest NATS transport's packet format, with
 * a timeout, the correlation id header, and every failure as an OpenLinesError with a stable code.
 */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly options: RpcClientOptions = {},
  ) {}

  request<S extends z.ZodTypeAny>(
    subject: string,
    payload: unknown,
    options: RpcRequestOptions<S> & { schema: S },
  ): Promise<z.output<S>>;
  request<T = unknown>(subject: string, payload: unknown, options?: RpcRequestOptions): Promise<T>;
  async request(
    subject: string,
    payload: unknown,
    options: RpcRequestOptions = {},
  ): Promise<unknown> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_RPC_TIMEOUT_MS;
    const target = prefixedSubject(subject, this.options.subjectPrefix);
    const correlationId = options.correlationId ?? currentCorrelationId() ?? newCorrelationId();
    const frame = this.encodeRequest(subject, target, payload);
    let replyData: Uint8Array;
    try {
      const reply = await this.nc.request(target, frame, {
        timeout: timeoutMs,
        headers: toNatsHeaders(correlationHeaders(correlationId)),
      });
      replyData = reply.data;
    } catch (error) {
      throw this.transportError(subject, timeoutMs, error);
    }
    const packet = this.decodeReply(subject, replyData);
    if (packet.err !== undefined && packet.err !== null)
      throw this.remoteError(subject, packet.err);
    if (options.schema === undefined) return packet.response;
    return validate(options.schema, packet.response, `${subject} reply`);
  }

  /** A payload JSON cannot carry is the caller's error (VALIDATION_FAILED), never UNAVAILABLE. */
  private encodeRequest(subject: string, target: string, payload: unknown): Uint8Array {
    try {
      return encodeJson(requestPacket(target, payload));
    } catch (error) {
      throw serialisationError(payload, `${subject} request`, error);
    }
  }

  private transportError(subject: string, timeoutMs: number, error: unknown): OpenLinesError {
    if (error instanceof NatsError && error.code === NatsErrorCode.NoResponders) {
      return new OpenLinesError(ErrorCode.Unavailable, `no service answers ${subject}`, {
        subject,
      });
    }
    if (error instanceof NatsError && error.code === NatsErrorCode.Timeout) {
      return new OpenLinesError(
        ErrorCode.Timeout,
        `${subject} did not answer within ${timeoutMs} ms`,
        {
          subject,
          timeoutMs,
        },
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    return new OpenLinesError(ErrorCode.Unavailable, `request to ${subject} failed: ${message}`, {
      subject,
    });
  }

  private decodeReply(subject: string, data: Uint8Array) {
    try {
      return NestReplyPacketSchema.parse(decodeJson(data) ?? {});
    } catch {
      throw new OpenLinesError(ErrorCode.Internal, `${subject} sent a malformed reply`, {
        subject,
      });
    }
  }

  /** Our services reply `{ code, message, details }`; anything else is a service bug, not a code. */
  private remoteError(subject: string, err: unknown): OpenLinesError {
    if (isErrorBody(err)) return OpenLinesError.fromBody(err);
    return new OpenLinesError(ErrorCode.Internal, `${subject} failed without an error code`, {
      subject,
    });
  }
}
