import {
  BadRequestException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ErrorCode as NatsErrorCode, NatsError } from 'nats';
import { z } from 'zod';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { httpErrorReply } from './http-error-reply';

/** An error as body-parser (http-errors) raises it: a status and `expose` for client errors. */
function bodyParserError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true });
}

describe('httpErrorReply', () => {
  it('answers our errors by their code, logging only INTERNAL', () => {
    expect(httpErrorReply(OpenLinesError.notFound('line', 'l-1'))).toEqual({
      status: 404,
      body: {
        code: ErrorCode.NotFound,
        message: 'line l-1 not found',
        details: { entity: 'line', id: 'l-1' },
      },
      unexpected: false,
    });
    const internal = new OpenLinesError(ErrorCode.Internal, 'broken');
    expect(httpErrorReply(internal)).toMatchObject({ status: 500, unexpected: true });
    const gone = (body: { code: ErrorCode }) => (body.code === ErrorCode.NotFound ? 410 : 400);
    expect(httpErrorReply(OpenLinesError.notFound('x', 'y'), gone).status).toBe(410);
  });

  it('answers a NATS outage as 503 UNAVAILABLE, not as our TIMEOUT code look-alike', () => {
    const timeout = NatsError.errorForCode(NatsErrorCode.Timeout);
    expect(httpErrorReply(timeout)).toEqual({
      status: 503,
      body: {
        code: ErrorCode.Unavailable,
        message: 'messaging unavailable (NATS TIMEOUT)',
        details: { natsCode: 'TIMEOUT' },
      },
      unexpected: false,
    });
    expect(httpErrorReply(NatsError.errorForCode(NatsErrorCode.BadJson))).toMatchObject({
      status: 500,
      unexpected: true,
    });
  });

  it('keeps the status and ErrorBody of an HttpException made from one', () => {
    const body = { code: ErrorCode.InvalidTransition, message: 'channel is deleted' };
    const reply = httpErrorReply(new HttpException(body, 410));
    expect(reply).toEqual({ status: 410, body, unexpected: false });
  });

  it.each([
    [new NotFoundException('Cannot GET /x'), 404, ErrorCode.NotFound, 'Cannot GET /x'],
    [
      new BadRequestException("Failed to decode param '%E0'"),
      400,
      ErrorCode.ValidationFailed,
      "Failed to decode param '%E0'",
    ],
    [new PayloadTooLargeException(), 413, ErrorCode.ValidationFailed, 'Payload Too Large'],
    [
      bodyParserError(415, 'unsupported charset "UTF-7"'),
      415,
      ErrorCode.ValidationFailed,
      'unsupported charset "UTF-7"',
    ],
    [
      bodyParserError(413, 'request entity too large'),
      413,
      ErrorCode.ValidationFailed,
      'request entity too large',
    ],
    [
      new URIError('URI malformed'),
      400,
      ErrorCode.ValidationFailed,
      'malformed %-escape in the request URL',
    ],
  ])('maps %p to %i %s', (exception, status, code, message) => {
    expect(httpErrorReply(exception)).toEqual({
      status,
      body: { code, message },
      unexpected: false,
    });
  });

  it('answers a zod failure as VALIDATION_FAILED naming the field', () => {
    const failure = z.object({ a: z.string() }).safeParse({ a: 1 });
    const reply = httpErrorReply(failure.success ? undefined : failure.error);
    expect(reply).toMatchObject({ status: 400, body: { code: ErrorCode.ValidationFailed } });
    expect(reply.body.message).toContain('a: Expected string');
  });

  it('keeps what a non-Nest HttpException body holds (the readiness report) as details', () => {
    const report = { status: 'unavailable', checks: { nats: { status: 'fail' } } };
    expect(httpErrorReply(new ServiceUnavailableException(report))).toMatchObject({
      status: 503,
      body: { code: ErrorCode.Unavailable, details: report },
    });
  });

  it('answers anything else 500 INTERNAL without internals, to be logged', () => {
    for (const exception of [
      new TypeError('x is undefined'),
      'a string',
      null,
      bodyParserError(500, 'x'),
    ]) {
      expect(httpErrorReply(exception)).toEqual({
        status: 500,
        body: { code: ErrorCode.Internal, message: 'Internal error' },
        unexpected: true,
      });
    }
  });
});
