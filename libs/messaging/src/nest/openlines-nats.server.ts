import {
  BaseRpcContext,
  MessageHandler,
  NatsContext,
  NatsOptions,
  ReadPacket,
  ServerNats,
} from '@nestjs/microservices';
import type { Msg } from 'nats';
import { ErrorBody, ErrorCode } from '@openlines/contracts';
import type { Logger } from '@openlines/observability';
import { prefixedSubject } from '../config/nats.config';
import { encodeJson } from '../events/json.codec';
import { correlationIdOf } from '../events/message-headers';
import { RequestFrameDeserializer, RequestFrameError } from '../rpc/request-frame';

export interface OpenLinesNatsServerSettings {
  /** Listen on `<prefix>.<pattern>` (see NatsConfig.subjectPrefix). */
  subjectPrefix?: string;
  /** The service's logger: refused frames and failed replies are logged here. */
  logger: Logger;
}

/**
 * The Nest NATS server of every OpenLines service.
 *
 * ServerNats handles each frame in a callback whose promise nobody awaits: a frame it cannot
 * decode (empty, not JSON) or a reply it cannot publish (too large) is an unhandled rejection,
 * which ends the process. Here every frame is read with readRequestFrame first; one that is not a
 * Nest packet is logged and, when it has a reply subject, answered VALIDATION_FAILED in the Nest
 * reply shape `{ id, err, isDisposed }` that RpcClient rebuilds. Any other failure outside the
 * handler pipeline (which has its own exception filter) is logged and answered the same way.
 *
 * With a subject prefix it listens on `<prefix>.<pattern>` for every `@MessagePattern(pattern)`:
 * ServerNats subscribes to each registered pattern and looks handlers up by the subscribed
 * subject, so registering the prefixed pattern is all it takes.
 */
export class OpenLinesNatsServer extends ServerNats {
  private readonly log: Logger;

  constructor(
    options: Required<NatsOptions>['options'],
    private readonly settings: OpenLinesNatsServerSettings,
  ) {
    super({ ...options, deserializer: new RequestFrameDeserializer() });
    this.log = settings.logger;
  }

  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler?: boolean,
    extras?: Record<string, unknown>,
  ): void {
    const route = typeof pattern === 'string' ? pattern : this.normalizePattern(pattern as string);
    const subject = prefixedSubject(route, this.settings.subjectPrefix);
    super.addHandler(subject, callback, isEventHandler, extras);
  }

  override async handleMessage(channel: string, natsMsg: Msg): Promise<void> {
    try {
      await super.handleMessage(channel, natsMsg);
    } catch (error) {
      this.refuse(natsMsg, error);
    }
  }

  /** A frame without id: only an `@EventPattern` handler takes it; a request handler never runs unanswered. */
  override async handleEvent(
    pattern: string,
    packet: ReadPacket,
    context: BaseRpcContext,
  ): Promise<void> {
    if (this.getHandlerByPattern(pattern)?.isEventHandler) {
      return super.handleEvent(pattern, packet, context);
    }
    // The deserializer refused id-less frames that have a reply subject: nobody waits for this one.
    const nats = context instanceof NatsContext ? context : undefined;
    this.log.warn(
      {
        subject: nats?.getSubject() ?? pattern,
        reply: false,
        correlationId: correlationIdOf(nats?.getHeaders()),
        field: 'id',
        reason: 'a packet without id on a subject that takes requests, not events',
      },
      'NATS frame refused',
    );
  }

  override getPublisher(natsMsg: Msg, id: string, ctx: NatsContext): (response: unknown) => void {
    const publish = super.getPublisher(natsMsg, id, ctx);
    return (response) => {
      try {
        publish(response);
      } catch (error) {
        this.log.error(
          { err: error, subject: natsMsg.subject, correlationId: correlationIdOf(natsMsg.headers) },
          'RPC reply not published: answering INTERNAL',
        );
        this.answer(natsMsg, { code: ErrorCode.Internal, message: 'Internal error' }, id);
      }
    };
  }

  private refuse(natsMsg: Msg, error: unknown): void {
    const fields = {
      subject: natsMsg.subject,
      bytes: natsMsg.data.length,
      reply: Boolean(natsMsg.reply),
      correlationId: correlationIdOf(natsMsg.headers),
    };
    if (error instanceof RequestFrameError) {
      this.log.warn({ ...fields, field: error.field, reason: error.message }, 'NATS frame refused');
      this.answer(natsMsg, error.toBody(), error.id);
      return;
    }
    this.log.error({ ...fields, err: error }, 'NATS frame could not be handled');
    const refusal = new RequestFrameError(natsMsg.subject, 'request', 'could not be handled');
    this.answer(natsMsg, refusal.toBody(), undefined);
  }

  private answer(natsMsg: Msg, err: ErrorBody, id: string | undefined): void {
    if (!natsMsg.reply) return;
    try {
      natsMsg.respond(encodeJson({ id, err, isDisposed: true }));
    } catch (error) {
      this.log.error({ err: error, subject: natsMsg.subject }, 'NATS error reply not published');
    }
  }
}
