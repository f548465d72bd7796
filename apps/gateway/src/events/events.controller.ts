import { Controller, Get, Inject, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { HttpRequest as Request, HttpResponse as Response } from '../http/express-types';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { HttpErrorFilter } from '../http/http-error.filter';
import { EventHub } from './event-hub.service';
import { parseEventStreamQuery } from './public-events';

/**
 * `GET /v1/events?lineId=…&sessionId=…&types=SessionChanged,MessageCreated`: live events as
 * Server-Sent Events. The stream is registered before the headers go out, so a client that has
 * the response may rely on receiving every later event.
 */
@Controller('v1/events')
@UseGuards(ApiKeyGuard)
@UseFilters(HttpErrorFilter)
export class EventsController {
  constructor(
    private readonly hub: EventHub,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  stream(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): void {
    const filter = parseEventStreamQuery(query);
    const remove = this.hub.add({
      filter,
      write: (frame) => res.write(frame),
      end: () => res.end(),
    });
    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write(': connected\n\n');
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), this.config.sseKeepAliveMs);
    const end = () => {
      clearInterval(keepAlive);
      remove();
    };
    req.on('close', end);
    res.on('close', end);
  }
}
