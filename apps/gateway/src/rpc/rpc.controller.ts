import {
  All,
  Body,
  Controller,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { isRpcSubject, OpenLinesError } from '@openlines/contracts';
import type { HttpRequest as Request, HttpResponse as Response } from '../http/express-types';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { HttpErrorFilter } from '../http/http-error.filter';
import { buildRoutes, matchRoute } from '../routes/route-table';
import { RpcForwarder } from './rpc-forwarder.service';

const ROUTES = buildRoutes();

/**
 * The API: `POST /v1/rpc/<collection>/<verb>` for every RPC subject (what the SDK uses), and the
 * friendly routes of routes/route-table.ts (`GET /v1/sessions/:id`,
 * `POST /v1/sessions/:id/assignToOperator`, …). Registered after the events controller, whose
 * `GET /v1/events` the catch-all must not shadow.
 */
@Controller('v1')
@UseGuards(ApiKeyGuard)
@UseFilters(HttpErrorFilter)
export class RpcController {
  constructor(private readonly forwarder: RpcForwarder) {}

  @Post('rpc/:collection/:verb')
  @HttpCode(200)
  async rpc(
    @Param('collection') collection: string,
    @Param('verb') verb: string,
    @Body() body: unknown,
  ) {
    const subject = `lines.${collection}.${verb}`;
    if (!isRpcSubject(subject)) throw OpenLinesError.notFound('RPC subject', subject);
    return this.forwarder.forward(subject, body ?? {});
  }

  @All('*path')
  async friendly(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ) {
    const match = matchRoute(ROUTES, req.method, req.path);
    if (match === undefined) throw OpenLinesError.notFound('route', `${req.method} ${req.path}`);
    const { route, id } = match;
    const fromBody = route.method === 'GET' || route.method === 'DELETE' ? {} : asObject(body);
    const payload =
      route.idField && id !== undefined ? { ...fromBody, [route.idField]: id } : fromBody;
    res.status(route.status);
    return this.forwarder.forward(route.subject, payload);
  }
}

function asObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  throw OpenLinesError.validation('invalid request body: expected a JSON object', [
    { field: '(root)', message: 'Expected object' },
  ]);
}
