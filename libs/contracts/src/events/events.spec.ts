import { omit } from '../__fixtures__/omit.fixture';
import { EVENT_SAMPLES } from '../__fixtures__/event-samples.fixture';
import { LINES_EVENTS_PREFIX } from '../messaging/streams';
import {
  EVENT_SCHEMAS,
  EVENT_SUBJECTS,
  LinesEvents,
  SESSION_ASSIGNMENT_REASONS,
  SessionChangedPayloadSchema,
  SessionFieldChangeSchema,
  SessionReassignedPayloadSchema,
  inboundMessageEventId,
  inboundMessageKeyOf,
  isLinesEventSubject,
} from './index';

describe('event subjects', () => {
  it('are all lines.events.<entity>.<event>.v1 and unique', () => {
    expect(LINES_EVENTS_PREFIX).toBe('lines.events');
    for (const subject of EVENT_SUBJECTS)
      expect(subject).toMatch(/^lines\.events\.[a-z]+\.[a-z]+\.v1$/);
    expect(new Set(EVENT_SUBJECTS).size).toBe(EVENT_SUBJECTS.length);
  });

  it('every constant has a schema and nothing else has one', () => {
    const constants = Object.values(LinesEvents)
      .flatMap((group) => Object.values(group))
      .sort();
    expect([...EVENT_SUBJECTS].sort()).toEqual(constants);
    expect(constants).toHaveLength(10);
    expect(isLinesEventSubject('lines.events.session.changed.v1')).toBe(true);
    expect(isLinesEventSubject('lines.events.session.changed')).toBe(false);
  });
});

describe('event payloads', () => {
  it.each(EVENT_SUBJECTS)('%s accepts a valid payload with eventId and occurredAt', (subject) => {
    const schema = EVENT_SCHEMAS[subject];
    expect(schema.safeParse(EVENT_SAMPLES[subject]).success).toBe(true);
    expect(schema.safeParse(omit(EVENT_SAMPLES[subject], 'eventId')).success).toBe(false);
    expect(schema.safeParse({ ...EVENT_SAMPLES[subject], occurredAt: 'now' }).success).toBe(false);
  });

  it('SessionFieldChange is { field, oldValue, newValue } over LineSessionData keys', () => {
    expect(Object.keys(SessionFieldChangeSchema.shape).sort()).toEqual([
      'field',
      'newValue',
      'oldValue',
    ]);
    expect(
      SessionFieldChangeSchema.safeParse({ field: '_state', oldValue: null, newValue: 'Closed' })
        .success,
    ).toBe(true);
    expect(
      SessionFieldChangeSchema.safeParse({ field: '_mood', oldValue: null, newValue: 1 }).success,
    ).toBe(false);
  });

  it('SessionChangedPayload has exactly the spec fields', () => {
    expect(Object.keys(SessionChangedPayloadSchema.shape).sort()).toEqual(
      [
        'eventId',
        'sessionId',
        'lineId',
        'channelId',
        'version',
        'changes',
        'actor',
        'occurredAt',
      ].sort(),
    );
    const payload = EVENT_SAMPLES[LinesEvents.session.changed];
    for (const type of ['operator', 'bot', 'client', 'system']) {
      const ok = SessionChangedPayloadSchema.safeParse({
        ...payload,
        actor: { type, id: 'x' },
      }).success;
      expect(ok).toBe(true);
    }
  });

  it('SessionReassignedPayload has exactly the spec fields (+ our optional silent), from/to with userId, userGroupId, botId', () => {
    expect(Object.keys(SessionReassignedPayloadSchema.shape).sort()).toEqual(
      [
        'silent',
        'eventId',
        'sessionId',
        'lineId',
        'version',
        'from',
        'to',
        'reason',
        'actor',
        'occurredAt',
      ].sort(),
    );
    expect(Object.keys(SessionReassignedPayloadSchema.shape.from.shape).sort()).toEqual([
      'botId',
      'userGroupId',
      'userId',
    ]);
    const payload = EVENT_SAMPLES[LinesEvents.session.reassigned];
    for (const reason of SESSION_ASSIGNMENT_REASONS) {
      expect(SessionReassignedPayloadSchema.safeParse({ ...payload, reason }).success).toBe(true);
    }
    expect(
      SessionReassignedPayloadSchema.safeParse({ ...payload, reason: 'because' }).success,
    ).toBe(false);
  });

  it('inbound event ids are stable per (channel, chat, external message)', () => {
    const key = { channelId: 'channel-1', chatId: 'chat-1', externalMessageId: '1001' };
    expect(inboundMessageEventId(key)).toBe(inboundMessageEventId({ ...key }));
    expect(inboundMessageEventId(key)).not.toBe(
      inboundMessageEventId({ ...key, channelId: 'channel-2' }),
    );
    // Widgets number messages per visitor, Telegram per chat: another chat is another message.
    expect(inboundMessageEventId(key)).not.toBe(
      inboundMessageEventId({ ...key, chatId: 'chat-2' }),
    );
    // Separators inside a part cannot make two keys meet.
    expect(
      inboundMessageEventId({ channelId: 'c', chatId: 'a:b', externalMessageId: 'm' }),
    ).not.toBe(inboundMessageEventId({ channelId: 'c', chatId: 'a', externalMessageId: 'b:m' }));
    const long = inboundMessageEventId({
      channelId: 'c'.repeat(128),
      chatId: 'v'.repeat(128),
      externalMessageId: 'm'.repeat(128),
    });
    const payload = { ...EVENT_SAMPLES[LinesEvents.message.inbound], eventId: long };
    expect(EVENT_SCHEMAS[LinesEvents.message.inbound].safeParse(payload).success).toBe(true);
  });

  it('an inbound key is the chat when there is one, the sender otherwise', () => {
    const event = { channelId: 'c', account: 'ann', externalMessageId: '7' };
    expect(inboundMessageKeyOf({ ...event, externalChatId: '42' }).chatId).toBe('42');
    expect(inboundMessageKeyOf(event)).toEqual({
      channelId: 'c',
      chatId: 'ann',
      externalMessageId: '7',
    });
  });
});
