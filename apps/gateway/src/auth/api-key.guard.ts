import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import type { HttpRequest as Request } from '../http/express-types';
import { ApiKeys, presentedKey } from './api-keys';

/**
 * Lets a request through only with a configured API key. A refusal says nothing more than
 * "unauthorized": not whether a key was present, nor how it was wrong.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeys) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (this.keys.accepts(presentedKey(request.headers))) return true;
    throw new OpenLinesError(ErrorCode.Unauthorized, 'Unauthorized');
  }
}
