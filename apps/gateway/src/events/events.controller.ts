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
 * the response may rely on receiving every later event, unless it stops reading: then it gets
 * `event: dropped` and the stream ends (reconnect to resume).
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
    const client = this.hub.open(filter, res, req.socket.remoteAddress);
    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    client.comment('connected');
    const keepAlive = setInterval(() => client.comment('keep-alive'), this.config.sseKeepAliveMs);
    const end = () => {
      clearInterval(keepAlive);
      this.hub.close(client);
    };
    req.on('close', end);
    res.on('close', end);
  }
}
