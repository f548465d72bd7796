import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ErrorBody, ErrorCode } from '@openlines/contracts';
import type {
  HttpRequest as Request,
  HttpResponse as Response,
  NextFunction,
} from './express-types';

interface BodyParserError {
  status?: number;
  type?: string;
}

/**
 * JSON bodies up to `limitBytes`. Registered before Nest's own parser (which then stands aside),
 * followed by an error handler so that a too-large (413) or malformed (400) body is answered in
 * the `{ code, message }` shape like every other error, before any route runs.
 */
export function configureBodyParsing(app: INestApplication, limitBytes: number): void {
  (app as NestExpressApplication).useBodyParser('json', { limit: limitBytes });
  app.use((error: BodyParserError, _req: Request, res: Response, next: NextFunction) => {
    if (error?.type === 'entity.too.large') {
      return send(res, 413, {
        code: ErrorCode.ValidationFailed,
        message: `request body larger than ${limitBytes} bytes`,
      });
    }
    if (error?.status === 400 || error?.type === 'entity.parse.failed') {
      return send(res, 400, {
        code: ErrorCode.ValidationFailed,
        message: 'request body is not valid JSON',
      });
    }
    if (error?.status === 415) {
      return send(res, 415, {
        code: ErrorCode.ValidationFailed,
        message: 'unsupported request body encoding',
      });
    }
    next(error);
  });
}

function send(res: Response, status: number, body: ErrorBody): void {
  res.status(status).json(body);
}
