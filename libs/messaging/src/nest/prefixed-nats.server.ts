import { MessageHandler, NatsOptions, ServerNats } from '@nestjs/microservices';
import { prefixedSubject } from '../config/nats.config';

/**
 * The Nest NATS server, listening on `<prefix>.<pattern>` for every `@MessagePattern(pattern)`.
 * ServerNats subscribes to each registered pattern and looks handlers up by the subscribed
 * subject, so registering the prefixed pattern is all it takes.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(
    options: Required<NatsOptions>['options'],
    private readonly subjectPrefix: string,
  ) {
    super(options);
  }

  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler?: boolean,
    extras?: Record<string, unknown>,
  ): void {
    const route = typeof pattern === 'string' ? pattern : this.normalizePattern(pattern as string);
    super.addHandler(prefixedSubject(route, this.subjectPrefix), callback, isEventHandler, extras);
  }
}
