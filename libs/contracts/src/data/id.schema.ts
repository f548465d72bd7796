import { z } from 'zod';

/**
 * The one rule for ids. Ours (items, users, groups, bots, app items) are UUIDs or short readable
 * strings (`line-1`, `livechat:visitor-1`, `system`); messengers' ids are numbers written as
 * strings (Telegram `-1001234567890`), base64 (Viber `01234567890A=`) or the account itself.
 * None of them needs an invisible character, so an id that has one is refused: it could make two
 * ids look alike, reorder text where it is shown, or break a log line. Our ids also refuse the
 * names of Object.prototype's special keys, so that an id can never reach the prototype even
 * where it ends up as an object key.
 */
export const ID_MAX_LENGTH = 128;
/** A messenger's id may be the account itself (`externalId` defaults to it): up to 320. */
export const EXTERNAL_ID_MAX_LENGTH = 320;
/** Event ids combine several ids (`inbound:<channel>:<messenger message id>`). */
export const EVENT_ID_MAX_LENGTH = 512;
export const RESERVED_IDS: readonly string[] = Object.freeze([
  '__proto__',
  'constructor',
  'prototype',
]);

type CodeRange = readonly [number, number];
const FORBIDDEN_CHARACTERS: readonly { what: string; ranges: readonly CodeRange[] }[] = [
  // C0, DEL and C1; U+2028/U+2029 end a line as CR/LF do.
  {
    what: 'control characters',
    ranges: [
      [0x00, 0x1f],
      [0x7f, 0x9f],
      [0x2028, 0x2029],
    ],
  },
  {
    what: 'bidirectional control characters',
    ranges: [
      [0x061c, 0x061c],
      [0x200e, 0x200f],
      [0x202a, 0x202e],
      [0x2066, 0x2069],
    ],
  },
  {
    what: 'zero-width characters',
    ranges: [
      [0x200b, 0x200d],
      [0x2060, 0x2060],
      [0xfeff, 0xfeff],
    ],
  },
];

const BLANK = /^\s*$/;
const u = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const FORBIDDEN_CLASS = FORBIDDEN_CHARACTERS.flatMap((c) => c.ranges)
  .map(([from, to]) => `${u(from)}-${u(to)}`)
  .join('');

/**
 * The same rule as one pattern, so the OpenAPI document (generated from these schemas) states it.
 * The empty string matches: `min(1)` refuses it, with one message.
 */
function idPattern(refuseReserved: boolean): RegExp {
  const reserved = refuseReserved ? `(?!(?:${RESERVED_IDS.join('|')})$)` : '';
  return new RegExp(`^${reserved}(?!\\s+$)[^${FORBIDDEN_CLASS}]*$`);
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` is not an acceptable id apart from its length, or undefined. */
function contentProblem(value: string, refuseReserved: boolean): string | undefined {
  if (BLANK.test(value)) return 'Must not be blank';
  for (const char of value) {
    const code = char.codePointAt(0) as number;
    const bad = FORBIDDEN_CHARACTERS.find((c) => c.ranges.some(([a, b]) => code >= a && code <= b));
    if (bad !== undefined) return `Must not contain ${bad.what} (${hex(code)})`;
  }
  if (refuseReserved && RESERVED_IDS.includes(value))
    return `Must not be "${value}" (a reserved name)`;
  return undefined;
}

/** Why `value` is not one of our ids (blank, too long, invisible characters, reserved), or undefined. */
export function idProblem(value: string, maxLength = ID_MAX_LENGTH): string | undefined {
  if (value.length > maxLength) return `Must be at most ${maxLength} characters`;
  return contentProblem(value, true);
}

/**
 * An id schema: a plain ZodString (min, max, pattern) whose error map says which rule failed and
 * shows an invisible character by its code point.
 */
function idSchema(maxLength: number, refuseReserved: boolean) {
  const errorMap: z.ZodErrorMap = (issue, ctx) => {
    const value = ctx.data;
    if (typeof value !== 'string') return { message: ctx.defaultError };
    if (issue.code === z.ZodIssueCode.too_small) return { message: 'Must not be blank' };
    if (issue.code === z.ZodIssueCode.too_big)
      return { message: `Must be at most ${Number(issue.maximum)} characters` };
    const problem =
      issue.code === z.ZodIssueCode.invalid_string
        ? contentProblem(value, refuseReserved)
        : undefined;
    return { message: problem ?? ctx.defaultError };
  };
  return z.string({ errorMap }).min(1).max(maxLength).regex(idPattern(refuseReserved));
}

/** Every id of ours: items, users, operators, groups, bots, app items, `__createdBy`. */
export const IdSchema = idSchema(ID_MAX_LENGTH, true);

/**
 * An id a messenger gives (user, chat, message) or a messenger setting names: same characters,
 * but longer, and any name (a username such as `constructor` may become an external id).
 */
export const ExternalIdSchema = idSchema(EXTERNAL_ID_MAX_LENGTH, false);

/** Event ids (derived from several ids); `Nats-Msg-Id` and SSE `id:` carry them. */
export const EventIdSchema = idSchema(EVENT_ID_MAX_LENGTH, false);
