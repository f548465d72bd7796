import { z } from 'zod';
import { EventIdSchema, ExternalIdSchema, IdSchema, idProblem } from './id.schema';

const messageOf = (schema: z.ZodTypeAny, value: unknown): string | undefined => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues.map((i) => i.message).join('; ');
};

/** Id shapes the services, fixtures and messengers use. */
const TYPICAL_IDS = [
  '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b', // randomUUID(): lines, channels, sessions, clients
  '65a1f0c2e4b0a1b2c3d4e5f6', // a MongoDB ObjectId in hex
  '4912661846655238145', // Telegram / Viber numbers as strings
  '-1001234567890', // a Telegram supergroup chat id
  '01234567890A=', // a Viber user id (base64)
  'nsIJ6tsM5hpT9ypNYGM1Mw==',
  'livechat:visitor-1',
  'visitor-0123456789abcdef0123456789abcdef',
  'inbound:tg:7',
  'session.changed:s1:2',
  'system',
  'line-1',
  'op-1',
  'a',
  'x'.repeat(128),
  'Jürgen-ü',
  'user 7', // an inner space is visible
  'anna@example.com',
];

describe('IdSchema', () => {
  it.each(TYPICAL_IDS)('accepts %s', (id) => {
    expect(messageOf(IdSchema, id)).toBeUndefined();
    expect(messageOf(ExternalIdSchema, id)).toBeUndefined();
    expect(idProblem(id)).toBeUndefined();
  });

  it.each<[string, string]>([
    ['', 'Must not be blank'],
    [' ', 'Must not be blank'],
    ['\t\n ', 'Must not be blank'],
    ['\u00a0\u3000', 'Must not be blank'],
    ['x'.repeat(129), 'Must be at most 128 characters'],
    ['a\u0000', 'Must not contain control characters (U+0000)'],
    ['a\u001fb', 'Must not contain control characters (U+001F)'],
    ['a\rb', 'Must not contain control characters (U+000D)'],
    ['a\u007fb', 'Must not contain control characters (U+007F)'],
    ['a\u0080b', 'Must not contain control characters (U+0080)'],
    ['a\u009fb', 'Must not contain control characters (U+009F)'],
    ['a\u2029b', 'Must not contain control characters (U+2029)'],
    ['a\u200eb', 'Must not contain bidirectional control characters (U+200E)'],
    ['a\u200fb', 'Must not contain bidirectional control characters (U+200F)'],
    ['a\u202ab', 'Must not contain bidirectional control characters (U+202A)'],
    ['admin\u202etxt.exe', 'Must not contain bidirectional control characters (U+202E)'],
    ['a\u2066b', 'Must not contain bidirectional control characters (U+2066)'],
    ['a\u2069b', 'Must not contain bidirectional control characters (U+2069)'],
    ['a\u061cb', 'Must not contain bidirectional control characters (U+061C)'],
    ['a\u200bb', 'Must not contain zero-width characters (U+200B)'],
    ['a\u200db', 'Must not contain zero-width characters (U+200D)'],
    ['a\u2060b', 'Must not contain zero-width characters (U+2060)'],
    ['\ufeffline-1', 'Must not contain zero-width characters (U+FEFF)'],
    ['__proto__', 'Must not be "__proto__" (a reserved name)'],
    ['constructor', 'Must not be "constructor" (a reserved name)'],
    ['prototype', 'Must not be "prototype" (a reserved name)'],
  ])('refuses %j: %s', (id, message) => {
    expect(messageOf(IdSchema, id)).toBe(message);
    expect(idProblem(id)).toBe(message);
  });

  it('refuses what is not a string with zod’s own message', () => {
    expect(messageOf(IdSchema, 42)).toBe('Expected string, received number');
    expect(messageOf(z.object({ id: IdSchema }), {})).toBe('Required');
  });

  it('keeps other names that merely contain a reserved word', () => {
    for (const id of ['__proto__x', 'Constructor', 'prototype-1', 'constructor ', 'toString'])
      expect(messageOf(IdSchema, id)).toBeUndefined();
  });
});

describe('ExternalIdSchema and EventIdSchema', () => {
  it('accept any name and longer values (an e-mail account up to 320; derived event ids)', () => {
    for (const id of ['__proto__', 'constructor', 'prototype', 'x'.repeat(320)])
      expect(messageOf(ExternalIdSchema, id)).toBeUndefined();
    expect(messageOf(ExternalIdSchema, 'x'.repeat(321))).toBe('Must be at most 320 characters');
    expect(messageOf(EventIdSchema, `inbound:${'c'.repeat(128)}:${'m'.repeat(320)}`)).toBe(
      undefined,
    );
  });

  it('refuse blank values and invisible characters as ids of ours do', () => {
    expect(messageOf(ExternalIdSchema, ' ')).toBe('Must not be blank');
    expect(messageOf(ExternalIdSchema, '42\u200b')).toBe(
      'Must not contain zero-width characters (U+200B)',
    );
    expect(messageOf(EventIdSchema, 'e-1\r\nX-Evil: 1')).toBe(
      'Must not contain control characters (U+000D)',
    );
  });
});

describe('the id pattern', () => {
  it('is the whole rule, so the OpenAPI document states it', () => {
    const check = IdSchema._def.checks.find((c) => c.kind === 'regex');
    const pattern = new RegExp((check as { regex: RegExp }).regex.source, 'u');
    for (const id of TYPICAL_IDS) expect(pattern.test(id)).toBe(true);
    for (const id of [' ', 'a\u0000', 'a\u202e', 'a\u200b', '__proto__', 'prototype'])
      expect(pattern.test(id)).toBe(false);
  });
});
