import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { NatsConnection } from 'nats';
import { ErrorBody, ErrorCode, isErrorBody } from '@openlines/contracts';
import { prefixedSubject } from '../config/nats.config';
import { decodeJson, encodeJson } from '../events/json.codec';
import { RpcClient } from '../rpc/rpc.client';
import {
  capturedLogger,
  connectSpecNats,
  specNatsConfig,
  uniqueName,
  waitFor,
} from '../../test/support/spec-nats';
import { createRpcMicroservice } from './create-rpc-microservice';
import { natsMicroserviceOptions } from './nats-microservice.options';
import { OpenLinesNatsServer } from './openlines-nats.server';

const text = (value: string) => new TextEncoder().encode(value);

/** Frames that are not Nest request packets, and the field the refusal must name. */
const GARBAGE: { name: string; data: Uint8Array; field: string }[] = [
  { name: 'an empty payload', data: new Uint8Array(), field: 'request' },
  { name: 'non-JSON text', data: text('this is not json'), field: 'request' },
  { name: 'truncated JSON', data: text('{"pattern":"x","da'), field: 'request' },
  { name: 'random bytes', data: Uint8Array.from([0xff, 0x00, 0xc3, 0x28, 0x7b]), field: 'request' },
  { name: 'JSON null', data: text('null'), field: 'request' },
  { name: 'a JSON number', data: text('42'), field: 'request' },
  { name: 'a JSON string', data: text('"hello"'), field: 'request' },
  { name: 'a JSON array', data: text('[{"pattern":"x","data":{},"id":"1"}]'), field: 'request' },
  { name: 'an empty object', data: text('{}'), field: 'id' },
  { name: 'a packet without id', data: encodeJson({ pattern: 'x', data: {} }), field: 'id' },
  {
    name: 'a packet with a numeric id',
    data: encodeJson({ pattern: 'x', data: {}, id: 7 }),
    field: 'id',
  },
  { name: 'a packet without pattern', data: encodeJson({ data: {}, id: 'p1' }), field: 'pattern' },
  { name: 'a packet without data', data: encodeJson({ pattern: 'x', id: 'p2' }), field: 'data' },
];

describe.each([
  ['with a subject prefix', uniqueName('frames')],
  ['without a subject prefix', undefined],
])('OpenLinesNatsServer %s: frames that are not Nest packets', (_, subjectPrefix) => {
  const pattern = `spec.${uniqueName('frames')}.echo`;
  const bigPattern = `${pattern}.big`;
  const subject = prefixedSubject(pattern, subjectPrefix);
  const captured = capturedLogger();
  let service: INestMicroservice;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let calls = 0;

  beforeAll(async () => {
    @Controller()
    class EchoController {
      @MessagePattern(pattern)
      echo(@Payload() data: unknown) {
        calls += 1;
        return { echoed: data };
      }

      @MessagePattern(bigPattern)
      big() {
        return 'x'.repeat(600_000);
      }
    }
    @Module({ controllers: [EchoController] })
    class EchoModule {}
    const natsConfig = specNatsConfig({ subjectPrefix });
    service = await createRpcMicroservice({
      name: 'frames-spec',
      module: EchoModule,
      natsConfig,
      logger: captured.logger,
      gracePeriodMs: 0,
    });
    nc = await connectSpecNats();
    rpc = new RpcClient(nc, { subjectPrefix });
  });

  afterAll(async () => {
    await service?.close();
    await nc?.drain();
  });

  async function rawReply(data: Uint8Array, to = subject): Promise<Record<string, unknown>> {
    const reply = await nc.request(to, data, { timeout: 3000 });
    return decodeJson(reply.data) as Record<string, unknown>;
  }

  it('uses the one OpenLines server transport', () => {
    const options = natsMicroserviceOptions('frames-spec', specNatsConfig({ subjectPrefix }));
    expect('strategy' in options && options.strategy).toBeInstanceOf(OpenLinesNatsServer);
  });

  it.each(GARBAGE)(
    'answers $name with VALIDATION_FAILED naming $field',
    async ({ data, field }) => {
      const reply = await rawReply(data);
      expect(reply).toMatchObject({ err: { code: ErrorCode.ValidationFailed }, isDisposed: true });
      const err = reply.err as ErrorBody;
      expect(isErrorBody(err)).toBe(true);
      expect(err.message).toContain(subject);
      expect(err.details).toEqual({ issues: [expect.objectContaining({ field })] });
      await expect(rpc.request(pattern, { after: field })).resolves.toEqual({
        echoed: { after: field },
      });
    },
  );

  it('echoes the id of a refused packet so the caller can match the refusal', async () => {
    const reply = await rawReply(encodeJson({ pattern: 'x', id: 'mine' }));
    expect(reply).toMatchObject({ id: 'mine', err: { code: ErrorCode.ValidationFailed } });
  });

  it('logs garbage published without a reply subject, with the subject, and stays up', async () => {
    const before = captured.lines.length;
    nc.publish(subject, text('this is not json'));
    nc.publish(subject, new Uint8Array());
    nc.publish(subject, encodeJson({ pattern: subject, data: { as: 'event' } }));
    const refused = () =>
      captured.lines.slice(before).filter((line) => line.msg === 'NATS frame refused');
    await waitFor(() => refused().length === 3);
    expect(refused().map((line) => [line.level, line.subject, line.field])).toEqual([
      ['warn', subject, 'request'],
      ['warn', subject, 'request'],
      ['warn', subject, 'id'],
    ]);
    const callsBefore = calls;
    await expect(rpc.request(pattern, { still: 'up' })).resolves.toEqual({
      echoed: { still: 'up' },
    });
    expect(calls).toBe(callsBefore + 1); // the id-less packet did not run the request handler
  });

  it('answers INTERNAL when the reply cannot be published, instead of exiting', async () => {
    // The request fits the max payload; its 600 kB id echoed beside the 600 kB reply does not.
    const id = 'i'.repeat(600_000);
    const to = prefixedSubject(bigPattern, subjectPrefix);
    const reply = await rawReply(encodeJson({ pattern: to, data: {}, id }), to);
    expect(reply).toMatchObject({ id, err: { code: ErrorCode.Internal }, isDisposed: true });
    await expect(rpc.request(pattern, 1)).resolves.toEqual({ echoed: 1 });
  });
});
