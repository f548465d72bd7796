import { LineMessageData, LineMessageType, MESSAGE_TEXT_MAX_LENGTH } from '@openlines/contracts';
import { MessagePageBuilder, fitted } from './message-page.rules';

const at = '2024-01-01T10:00:00.000Z';
const message = (id: string, body: string, payload?: Record<string, unknown>): LineMessageData => ({
  __id: id, __name: id, __createdAt: at, __createdBy: 'system', __updatedAt: at, __updatedBy: 'system',
  body, externalId: id, isRead: true, session: 's1', type: LineMessageType.system,
  ...(payload === undefined ? {} : { payload }),
});
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe('MessagePageBuilder', () => {
  it('adds messages until the next one would pass the budget', () => {
    const one = message('m1', 'x'.repeat(1000));
    const page = new MessagePageBuilder(3 * bytes(one));
    const added = ['m1', 'm2', 'm3', 'm4'].map((id) => page.add(message(id, 'x'.repeat(1000))));
    expect(added).toEqual([true, true, false, false]);
    expect(page.items.map((m) => m.__id)).toEqual(['m1', 'm2']);
  });

  it('always takes a first message, shrunk when it alone exceeds the budget', () => {
    const page = new MessagePageBuilder(2_000);
    expect(page.add(message('big', 'hi', { padding: 'p'.repeat(5_000) }))).toBe(true);
    expect(page.items[0]).toMatchObject({ body: 'hi', payload: { truncated: ['payload'], payloadBytes: 5_014 } });
    // Only the first is shrunk: a later oversized message waits for the next page, whole.
    expect(page.add(message('big-2', 'hi', { padding: 'p'.repeat(5_000) }))).toBe(false);
    expect(page.items).toHaveLength(1);
  });
});

describe('fitted', () => {
  it('keeps a message that fits, and cuts an oversized body to the text limit', () => {
    const small = message('m', 'hello', { a: 1 });
    expect(fitted(small, 10_000)).toBe(small);
    const huge = fitted(message('h', 'b'.repeat(MESSAGE_TEXT_MAX_LENGTH * 2)), 10_000);
    expect([huge.body.length, huge.payload]).toEqual([MESSAGE_TEXT_MAX_LENGTH, { truncated: ['body'] }]);
  });
});
