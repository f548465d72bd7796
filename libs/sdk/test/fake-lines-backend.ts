import { randomBytes } from 'node:crypto';
import { OpenLinesError, RpcSubject } from '@openlines/contracts';
import {
  connectNats,
  decodeJson,
  encodeJson,
  ensureEventStreams,
  NatsConnection,
  natsConfigFromEnv,
} from '@openlines/messaging';
import { createLogger } from '@openlines/observability';

type Handler = (payload: Record<string, unknown>) => unknown;

/**
 * A real responder on the test nats-server standing in for the services: a plain NATS
 * subscription on its own subject prefix that speaks the Nest transport's packet format, records
 * each request and answers with the handler's value or its OpenLinesError body.
 */
export class FakeLinesBackend {
  readonly calls: { subject: string; payload: Record<string, unknown> }[] = [];
  private readonly handlers = new Map<string, Handler>();

  private constructor(
    readonly nc: NatsConnection,
    readonly prefix: string,
  ) {}

  static async start(): Promise<FakeLinesBackend> {
    const url = process.env.NATS_URL;
    if (!url) throw new Error('NATS_URL is not set: run the specs through jest');
    const nc = await connectNats(
      natsConfigFromEnv({ NATS_URL: url }),
      createLogger('fake', { level: 'silent' }),
      'fake',
    );
    // Services create the event streams on start; this stands in for them.
    await ensureEventStreams(nc);
    const backend = new FakeLinesBackend(nc, `sdk_${randomBytes(6).toString('hex')}`);
    nc.subscribe(`${backend.prefix}.lines.>`, {
      callback: (error, msg) => {
        if (error) return;
        const packet = decodeJson(msg.data) as { id: string; data: Record<string, unknown> };
        const subject = msg.subject.slice(backend.prefix.length + 1);
        void backend
          .answer(subject, packet.data)
          .then((reply) => msg.respond(encodeJson({ id: packet.id, ...reply, isDisposed: true })));
      },
    });
    await nc.flush();
    return backend;
  }

  on(subject: RpcSubject, handler: Handler): this {
    this.handlers.set(subject, handler);
    return this;
  }

  last(subject: RpcSubject): Record<string, unknown> | undefined {
    return [...this.calls].reverse().find((call) => call.subject === subject)?.payload;
  }

  count(subject: RpcSubject): number {
    return this.calls.filter((call) => call.subject === subject).length;
  }

  async close(): Promise<void> {
    await this.nc.drain();
  }

  private async answer(
    subject: string,
    payload: Record<string, unknown>,
  ): Promise<{ response?: unknown; err?: unknown }> {
    this.calls.push({ subject, payload });
    const handler = this.handlers.get(subject);
    if (!handler) return { err: OpenLinesError.notFound('handler', subject).toBody() };
    try {
      return { response: await handler(payload) };
    } catch (error) {
      return {
        err:
          error instanceof OpenLinesError
            ? error.toBody()
            : { code: 'INTERNAL', message: String(error) },
      };
    }
  }
}
