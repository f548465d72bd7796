import { createHmac } from 'node:crypto';
import {
  telegramSecretMatches,
  viberSignatureMatches,
  viberSignatureOf,
} from './webhook-signature.rules';

describe('telegramSecretMatches', () => {
  it('accepts the exact secret', () => {
    expect(telegramSecretMatches('s3cret-token_1', 's3cret-token_1')).toBe(true);
  });

  it.each([
    ['a different secret', 's3cret-token_2'],
    ['a prefix', 's3cret'],
    ['a longer value', 's3cret-token_1x'],
    ['an empty header', ''],
    ['no header', undefined],
  ])('refuses %s', (_name, provided) => {
    expect(telegramSecretMatches('s3cret-token_1', provided)).toBe(false);
  });

  it('refuses everything when the channel has no secret', () => {
    expect(telegramSecretMatches('', '')).toBe(false);
  });
});

describe('viber signature', () => {
  const token = '445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9';
  const raw = Buffer.from(
    '{"event":"message","timestamp":1457764197627,"message_token":4912661846655238145}',
  );
  const signature = createHmac('sha256', token).update(raw).digest('hex');

  it('is the hex HMAC-SHA256 of the raw body', () => {
    expect(viberSignatureOf(token, raw)).toBe(signature);
  });

  it('accepts the right signature in either case', () => {
    expect(viberSignatureMatches(token, raw, signature)).toBe(true);
    expect(viberSignatureMatches(token, raw, signature.toUpperCase())).toBe(true);
  });

  it('refuses a signature of another body', () => {
    const other = createHmac('sha256', token)
      .update(Buffer.concat([raw, Buffer.from(' ')]))
      .digest('hex');
    expect(viberSignatureMatches(token, raw, other)).toBe(false);
  });

  it('refuses a signature made with another token', () => {
    const forged = createHmac('sha256', 'another-token').update(raw).digest('hex');
    expect(viberSignatureMatches(token, raw, forged)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not hex', 'z'.repeat(64)],
    ['too short', signature.slice(2)],
  ])('refuses a %s header', (_name, provided) => {
    expect(viberSignatureMatches(token, raw, provided)).toBe(false);
  });
});
