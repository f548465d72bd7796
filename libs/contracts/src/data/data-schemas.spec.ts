import { omit } from '../__fixtures__/omit.fixture';
import {
  AT,
  sampleClient,
  sampleLine,
  sampleMessage,
  sampleMetric,
  sampleOperator,
  sampleSession,
} from '../__fixtures__/data-samples.fixture';
import {
  ActorSchema,
  LineClientDataSchema,
  LineDataSchema,
  LineMessageDataSchema,
  LineMetricDataSchema,
  LineSessionDataSchema,
  OperatorDataSchema,
  isClientBlocked,
} from './index';
import { LineClientBlockedStatus } from '../enums';

describe('data schemas', () => {
  it.each([
    ['line', LineDataSchema, sampleLine],
    ['session', LineSessionDataSchema, sampleSession],
    ['client', LineClientDataSchema, sampleClient],
    ['message', LineMessageDataSchema, sampleMessage],
    ['metric', LineMetricDataSchema, sampleMetric],
    ['operator', OperatorDataSchema, sampleOperator],
  ])('a %s round-trips and loses store internals', (_name, schema, sample) => {
    expect(schema.parse({ ...sample, _id: 'object-id', __v: 0 })).toEqual(sample);
  });

  it('dates must be ISO-8601 strings', () => {
    const result = LineSessionDataSchema.safeParse({
      ...sampleSession,
      _lastActivityAt: 'yesterday',
    });
    expect(result.success).toBe(false);
    expect(
      LineSessionDataSchema.safeParse({
        ...sampleSession,
        _lastActivityAt: '2025-01-02T05:04:05+02:00',
      }).success,
    ).toBe(true);
  });

  it('a session needs its version', () => {
    expect(LineSessionDataSchema.safeParse(omit(sampleSession, '_version')).success).toBe(false);
  });

  it('an operator or client actor must carry its id; bot and system need none', () => {
    expect(ActorSchema.safeParse({ type: 'operator' }).success).toBe(false);
    expect(ActorSchema.safeParse({ type: 'client' }).success).toBe(false);
    expect(ActorSchema.safeParse({ type: 'bot' }).success).toBe(true);
    expect(ActorSchema.safeParse({ type: 'system' }).success).toBe(true);
    expect(ActorSchema.safeParse({ type: 'admin', id: 'x' }).success).toBe(false);
  });

  it('isClientBlocked honours expiry and the blocked line', () => {
    const now = new Date(AT);
    const blocked = { ...sampleClient, _blockedStatus: LineClientBlockedStatus.blocked };
    expect(isClientBlocked(sampleClient, now)).toBe(false);
    expect(isClientBlocked(blocked, now)).toBe(true);
    expect(isClientBlocked({ ...blocked, _blockedUntil: '2025-01-02T03:04:04.000Z' }, now)).toBe(
      false,
    );
    expect(isClientBlocked({ ...blocked, _blockedUntil: '2025-01-02T03:04:06.000Z' }, now)).toBe(
      true,
    );
    expect(isClientBlocked({ ...blocked, _blockedLine: 'line-1' }, now, 'line-2')).toBe(false);
    expect(isClientBlocked({ ...blocked, _blockedLine: 'line-1' }, now, 'line-1')).toBe(true);
  });
});
