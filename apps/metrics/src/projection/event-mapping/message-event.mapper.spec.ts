import { LineMessageType, MessageCreatedPayloadSchema } from '@openlines/contracts';
import { fromMessageCreated } from './message-event.mapper';

const T1 = '2025-01-06T09:00:30.000Z';
const system = {
  __name: 'x',
  __createdAt: T1,
  __createdBy: 'system',
  __updatedAt: T1,
  __updatedBy: 'system',
};
const where = { sessionId: 'S1', lineId: 'L1', channelId: 'C1' };
const operator = { type: 'operator' as const, id: 'A' };

function message(
  sender: { type: 'client' | 'operator' | 'bot' | 'system'; id?: string },
  extra: object = {},
) {
  return MessageCreatedPayloadSchema.parse({
    eventId: 'm1',
    occurredAt: T1,
    ...where,
    sender,
    message: {
      ...system,
      __id: 'M1',
      __createdAt: T1,
      body: 'hi',
      externalId: 'M1',
      isRead: false,
      session: 'S1',
      type: LineMessageType.text,
      ...extra,
    },
  });
}

describe('message events → projection facts', () => {
  it('client and human operator messages map to facts at the message time', () => {
    expect(fromMessageCreated(message({ type: 'client', id: 'K1' }, { client: 'K1' }))).toEqual({
      sessionId: 'S1',
      fact: { kind: 'message', eventId: 'm1', at: Date.parse(T1), sender: 'client' },
      placement: { lineId: 'L1', channelId: 'C1' },
    });
    expect(fromMessageCreated(message(operator, { operator: 'A' }))?.fact).toMatchObject({
      sender: 'operator',
      operatorId: 'A',
    });
  });

  it('bot and system messages, and system-type messages an operator posts, map to nothing', () => {
    expect(fromMessageCreated(message({ type: 'bot', id: 'b' }, { bot: 'b' }))).toBeNull();
    expect(fromMessageCreated(message({ type: 'system' }))).toBeNull();
    expect(
      fromMessageCreated(message(operator, { operator: 'A', type: LineMessageType.system })),
    ).toBeNull();
  });
});
