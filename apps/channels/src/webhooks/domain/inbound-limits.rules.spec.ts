import { MESSAGE_TEXT_MAX_LENGTH, NAME_MAX_LENGTH } from '@openlines/contracts';
import {
  INBOUND_EVENT_MAX_BYTES,
  INBOUND_RAW_MAX_BYTES,
  assertInboundEventFits,
  boundInbound,
} from './inbound-limits.rules';
import { NormalisedInbound } from './inbound-update';

const message: NormalisedInbound = {
  account: 'ann',
  externalUserId: '42',
  displayName: 'Ann',
  externalMessageId: '7',
  externalChatId: '42',
  text: 'Hello',
  attachments: [{ type: 'document', ref: 'file-1', name: 'a.pdf' }],
  sentAt: '2024-05-01T10:00:00.000Z',
};
const raw = { update_id: 1, message: { text: 'Hello' } };

describe('boundInbound', () => {
  it('keeps a message within every limit as it is', () => {
    expect(boundInbound(message, raw)).toEqual({ message, raw, truncated: [] });
    expect(boundInbound(message)).toEqual({ message, truncated: [] });
  });

  it('cuts the text at the message text limit, without splitting a surrogate pair', () => {
    const text = 'a'.repeat(MESSAGE_TEXT_MAX_LENGTH - 1) + '😀' + 'tail';
    const { message: bounded, truncated } = boundInbound({ ...message, text });
    expect(bounded.text).toBe('a'.repeat(MESSAGE_TEXT_MAX_LENGTH - 1));
    expect(truncated).toEqual(['text']);
  });

  it('cuts names and says so in a raw update that stays whole', () => {
    const long = 'n'.repeat(NAME_MAX_LENGTH + 10);
    const attachments = [{ type: 'document', ref: 'f', name: long, mimeType: long }];
    const bounded = boundInbound({ ...message, displayName: long, attachments }, raw);
    expect(bounded.message.displayName).toHaveLength(NAME_MAX_LENGTH);
    expect(bounded.message.attachments[0]).toMatchObject({ name: 'n'.repeat(NAME_MAX_LENGTH) });
    expect(bounded.raw).toEqual({ ...raw, truncated: ['displayName', 'attachments'] });
  });

  it('replaces a raw update above its budget by its size and the start of its JSON', () => {
    const big = { update_id: 2, padding: 'p'.repeat(INBOUND_RAW_MAX_BYTES) };
    const { raw: bounded, truncated } = boundInbound(message, big);
    expect(truncated).toEqual(['raw']);
    expect(bounded).toEqual({
      truncated: ['raw'],
      rawBytes: Buffer.byteLength(JSON.stringify(big)),
      rawHead: expect.stringMatching(/^\{"update_id":2,"padding":"ppp/),
    });
    expect(Buffer.byteLength(JSON.stringify(bounded))).toBeLessThan(INBOUND_RAW_MAX_BYTES);
  });
});

describe('assertInboundEventFits', () => {
  it('refuses an event above the limit naming its largest field', () => {
    expect(() => assertInboundEventFits({ account: 'a', text: 'ok' })).not.toThrow();
    const huge = { account: 'a'.repeat(INBOUND_EVENT_MAX_BYTES), text: 'ok' };
    expect(() => assertInboundEventFits(huge)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('account is'),
      }),
    );
  });
});
