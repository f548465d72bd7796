import { INestMicroservice, Module } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { z } from 'zod';
import {
  CORRELATION_ID_HEADER,
  ErrorCode,
  LINES_EVENTS_STREAM,
  OpenLinesError,
} from '@openlines/contracts';
import { runWithCorrelation } from '@openlines/observability';
import { headerValue } from '../events/message-headers';
import { MessagingModule } from '../nest/messaging.module';
import { createRpcMicroservice } from '../nest/create-rpc-microservice';
import { GreetReply, SpecRpcController } from '../../test/support/spec-rpc.controller';
import {
  connectSpecNats,
  specLogger,
  specNatsConfig,
  uniqueName,
} from '../../test/support/spec-nats';
import { RpcClient } from './rpc.client';

describe('RPC over the Nest NATS transport', () => {
  const subjectPrefix = uniqueName('rpcspec');
  let service: INestMicroservice;
  let nc: NatsConnection;
  let rpc: RpcClient;

  beforeAll(async () => {
    const natsConfig = specNatsConfig({ subjectPrefix });
    @Module({
      imports: [
        MessagingModule.forRoot({ serviceName: 'rpc-spec', natsConfig, logger: specLogger }),
      ],
      controllers: [SpecRpcController],
    })
    class SpecRpcModule {}
    service = await createRpcMicroservice({
      name: 'rpc-spec',
      module: SpecRpcModule,
      natsConfig,
      logger: specLogger,
      gracePeriodMs: 0,
    });
    nc = await connectSpecNats();
    rpc = new RpcClient(nc, { subjectPrefix });
  });

  afterAll(async () => {
    await service?.close();
    await nc?.drain();
  });

  async function failure(promise: Promise<unknown>): Promise<OpenLinesError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof OpenLinesError))
      throw new Error(`expected an OpenLinesError, got ${String(error)}`);
    return error;
  }

  it('answers a valid request, and validates the reply when given a schema', async () => {
    await expect(
      rpc.request('spec.rpc.greet', { name: 'Ann' }, { schema: GreetReply }),
    ).resolves.toMatchObject({
      greeting: 'hello Ann',
    });
    const wrongShape = await failure(
      rpc.request('spec.rpc.greet', { name: 'Ann' }, { schema: z.object({ count: z.number() }) }),
    );
    expect(wrongShape.code).toBe(ErrorCode.ValidationFailed);
    expect(wrongShape.message).toContain('spec.rpc.greet reply: count: Required');
  });

  it('refuses a reply above the NATS max payload with VALIDATION_FAILED naming size, not a TIMEOUT', async () => {
    const error = await failure(rpc.request('spec.rpc.huge', {}, { timeoutMs: 3000 }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toMatch(/exceeds the NATS max payload/);
    expect(error.details).toEqual({ issues: [expect.objectContaining({ field: 'size' })] });
  });

  it('maps a malformed request to VALIDATION_FAILED naming each bad field', async () => {
    const error = await failure(
      rpc.request('spec.rpc.greet', { name: 42, times: -1, extra: true }),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain('invalid spec.rpc.greet request');
    const fields = (error.details?.issues as { field: string }[]).map((issue) => issue.field);
    expect(fields).toEqual(['name', 'times', 'extra']);
    // A handler that calls schema.parse itself gets the same mapping from the global filter.
    const zodThrown = await failure(rpc.request('spec.rpc.zod', { name: '', other: 1 }));
    expect(zodThrown.code).toBe(ErrorCode.ValidationFailed);
    expect(zodThrown.message).toBe(
      'invalid request: name: String must contain at least 1 character(s); other: unknown field',
    );
  });

  it('keeps the code and details of a domain error', async () => {
    const error = await failure(rpc.request('spec.rpc.missing', { id: 's-1' }));
    expect(error.toBody()).toEqual({
      code: ErrorCode.NotFound,
      message: 'session s-1 not found',
      details: { entity: 'session', id: 's-1' },
    });
  });

  it('turns an unexpected error into INTERNAL without leaking it', async () => {
    const error = await failure(rpc.request('spec.rpc.crash', {}));
    expect(error.code).toBe(ErrorCode.Internal);
    expect(JSON.stringify(error.toBody())).not.toMatch(/hunter2|27017/);
  });

  it('maps "no responders" to UNAVAILABLE and a slow handler to TIMEOUT, naming the subject', async () => {
    const none = await failure(rpc.request('spec.rpc.nobody-listens', {}));
    expect(none.code).toBe(ErrorCode.Unavailable);
    expect(none.message).toContain('spec.rpc.nobody-listens');
    const slow = await failure(rpc.request('spec.rpc.slow', {}, { timeoutMs: 100 }));
    expect(slow.code).toBe(ErrorCode.Timeout);
    expect(slow.message).toBe('spec.rpc.slow did not answer within 100 ms');
    // Without the prefix nobody answers: the namespace isolates this spec from other services.
    const unprefixed = await failure(new RpcClient(nc).request('spec.rpc.greet', { name: 'x' }));
    expect(unprefixed.code).toBe(ErrorCode.Unavailable);
  });

  it('carries the caller correlation id into the handler and onto the event it publishes', async () => {
    const subject = `lines.events.${uniqueName('rpcspec')}.published.v1`;
    const eventId = uniqueName('evt');
    const reply = await runWithCorrelation('corr-rpc-spec-1', () =>
      rpc.request<{ seq: number; duplicate: boolean; correlationId: string }>('spec.rpc.publish', {
        subject,
        eventId,
      }),
    );
    expect(reply).toMatchObject({ duplicate: false, correlationId: 'corr-rpc-spec-1' });
    const jsm = await nc.jetstreamManager();
    const stored = await jsm.streams.getMessage(LINES_EVENTS_STREAM, { seq: reply.seq });
    expect(stored.subject).toBe(subject);
    expect(headerValue(stored.header, CORRELATION_ID_HEADER)).toBe('corr-rpc-spec-1');
    expect(stored.json<{ eventId: string }>().eventId).toBe(eventId);

    const fresh = await rpc.request<{ correlationId: string }>('spec.rpc.greet', { name: 'B' });
    expect(fresh.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
