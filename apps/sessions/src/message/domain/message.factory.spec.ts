import { LineMessageType } from '@openlines/contracts';
import { inboundMessageId, newMessageDocument } from './message.factory';

describe('message factory', () => {
  it('derives the same id for the same channel, chat and messenger id, another for any other', () => {
    const key = { channelId: 'ch1', chatId: 'v1', externalMessageId: 'm-1' };
    const id = inboundMessageId(key);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(inboundMessageId({ ...key })).toBe(id);
    expect(inboundMessageId({ ...key, channelId: 'ch2' })).not.toBe(id);
    expect(inboundMessageId({ ...key, chatId: 'v2' })).not.toBe(id);
    expect(inboundMessageId({ ...key, externalMessageId: 'm-2' })).not.toBe(id);
  });

  it('builds a message with one author, its place in the session and its own id as external id', () => {
    const now = new Date('2024-01-01T10:00:00.000Z');
    const doc = newMessageDocument({
      session: { __id: 's1', _channel: 'ch1', _line: 'l1' },
      seq: 3,
      body: 'hello',
      type: LineMessageType.text,
      author: { operator: 'op-1' },
      now,
      createdBy: 'op-1',
      isRead: true,
    });
    expect(doc).toMatchObject({
      body: 'hello', operator: 'op-1', session: 's1', type: 'text', isRead: true,
      _channel: 'ch1', _line: 'l1', _seq: 3, __createdAt: now.toISOString(), __createdBy: 'op-1',
    });
    expect(doc.externalId).toBe(doc.__id);
    expect(doc).not.toHaveProperty('client');
  });
});
