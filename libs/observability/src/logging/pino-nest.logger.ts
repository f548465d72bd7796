import { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Routes Nest's own log calls (bootstrap, routes, microservice status) through pino so a service
 * writes one JSON format only. Nest passes the context (class name) as the last string argument.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // Nest calls error(message, stack?, context?).
    const [stack, context] = params.length >= 2 ? params : [undefined, params[0]];
    const fields = this.fields(context);
    if (message instanceof Error) {
      this.logger.error({ ...fields, err: message }, message.message);
      return;
    }
    if (typeof stack === 'string') fields.stack = stack;
    this.logger.error(fields, this.text(message));
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(
    level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    params: unknown[],
  ) {
    const fields = this.fields(params[params.length - 1]);
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null)
      this.logger[level]({ ...fields, data: message });
    else this.logger[level](fields, this.text(message));
  }

  private fields(context: unknown): Record<string, unknown> {
    return typeof context === 'string' ? { context } : {};
  }

  private text(message: unknown): string {
    return typeof message === 'string' ? message : String(message);
  }
}
