import { z } from 'zod';
import { EVENT_SCHEMAS } from '../events';
import { ErrorCode, OpenLinesError, ValidationIssue, validate } from '../errors';
import { LinesRpc, RPC_SCHEMAS, RpcSubject } from './index';

/** Field names that hold an id (when their value is a string). */
const ID_KEY =
  /^(__)?id$|Id$|^_(line|channel|clients|bot|user|operator|blockedLine)$|^_(operatorGroups|supervisorGroups|groups|externalId)$|^(__createdBy|__updatedBy|session|client|operator|bot|groups)$/;
/** Messengers' ids (also in channel settings) and event ids may be any name (ExternalIdSchema). */
const anyName = (path: string) =>
  /\.(_?external\w*|eventId)$/.test(path) || path.includes('._settings.');

const unwrap = (s: z.ZodTypeAny): z.ZodTypeAny => {
  if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) return unwrap(s.unwrap());
  if (s instanceof z.ZodDefault) return unwrap(s._def.innerType);
  if (s instanceof z.ZodEffects) return unwrap(s.innerType());
  if (s instanceof z.ZodArray) return unwrap(s.element);
  return s;
};

/** Every string leaf under an id-named key, with its path. */
function idLeaves(schema: z.ZodTypeAny, path: string, out: [string, z.ZodTypeAny][]): void {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    for (const [key, value] of Object.entries(s.shape as z.ZodRawShape)) {
      const leaf = unwrap(value);
      if (ID_KEY.test(key) && leaf instanceof z.ZodString) out.push([`${path}.${key}`, leaf]);
      else idLeaves(value, `${path}.${key}`, out);
    }
  } else if (s instanceof z.ZodUnion || s instanceof z.ZodDiscriminatedUnion) {
    for (const option of s.options as z.ZodTypeAny[]) idLeaves(option, path, out);
  } else if (s instanceof z.ZodRecord) idLeaves(s.valueSchema, path, out);
}

const leaves: [string, z.ZodTypeAny][] = [];
for (const [subject, pair] of Object.entries(RPC_SCHEMAS)) {
  idLeaves(pair.request, `${subject} request`, leaves);
  idLeaves(pair.reply, `${subject} reply`, leaves);
}
for (const [subject, schema] of Object.entries(EVENT_SCHEMAS)) idLeaves(schema, subject, leaves);

/** Shows invisible characters as \\uXXXX in a failure. */
const shown = (value: string) =>
  value.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const INVISIBLE = [
  '',
  '   ',
  '\u00a0',
  'a\u0000b',
  'a\tb',
  'a\nb',
  'a\u007f',
  'a\u0085',
  'a\u2028b',
];
const BIDI = ['a\u200eb', 'a\u200f', '\u202aab', 'a\u202eb', 'a\u2066b', 'a\u2069', 'a\u061cb'];
const ZERO_WIDTH = ['a\u200bb', 'a\u200cb', 'a\u200db', 'a\u2060b', '\ufeffab'];
const RESERVED = ['__proto__', 'constructor', 'prototype'];

describe('every id field of every RPC payload, reply and event', () => {
  it('is found by the walk', () => {
    const paths = leaves.map(([path]) => path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'lines.sessions.get request.id',
        'lines.sessions.assignToOperator request.operatorId',
        'lines.sessions.update request.data._apps.id',
        'lines.lines.update request.data._operatorGroups',
        'lines.clients.findOrCreate request.externalId',
        'lines.operators.upsert request.groups',
        'lines.sessions.get reply._externalChatId',
        'lines.events.message.inbound.v1.externalMessageId',
        'lines.channels.create request._settings.pageId',
        'lines.sessions.getAssignmentReasons reply.items.candidates.operatorId',
      ]),
    );
  });

  it('refuses blank ids and ids with control, bidi or zero-width characters', () => {
    const accepted = leaves.flatMap(([path, leaf]) => {
      const bad = [...INVISIBLE, ...BIDI, ...ZERO_WIDTH].filter((v) => leaf.safeParse(v).success);
      return bad.length === 0
        ? []
        : [`${path} accepts ${bad.map((v) => `"${shown(v)}"`).join(' ')}`];
    });
    expect(accepted).toEqual([]);
  });

  it('refuses __proto__, constructor and prototype as ids of ours', () => {
    const accepted = leaves
      .filter(([path]) => !anyName(path))
      .flatMap(([path, leaf]) => {
        const bad = RESERVED.filter((name) => leaf.safeParse(name).success);
        return bad.length === 0 ? [] : [`${path} accepts ${bad.join(' ')}`];
      });
    expect(accepted).toEqual([]);
  });
});

function rejection(subject: RpcSubject, payload: unknown): OpenLinesError {
  try {
    validate(RPC_SCHEMAS[subject].request, payload, `${subject} request`);
  } catch (error) {
    if (error instanceof OpenLinesError) return error;
    throw error;
  }
  throw new Error(`${subject} accepted ${JSON.stringify(payload)}`);
}

const L = LinesRpc;
describe('a refused id is named by its field path', () => {
  it.each<[RpcSubject, string, Record<string, unknown>, string]>([
    [L.sessions.get, 'id', { id: '__proto__' }, 'Must not be "__proto__" (a reserved name)'],
    [L.lines.get, 'id', { id: ' \t ' }, 'Must not be blank'],
    [
      L.sessions.assignToOperator,
      'operatorId',
      { sessionId: 's-1', operatorId: 'op\u202e1' },
      'Must not contain bidirectional control characters (U+202E)',
    ],
    [
      L.sessions.close,
      'actor.id',
      { sessionId: 's-1', actor: { type: 'operator', id: 'op\u200b1' } },
      'Must not contain zero-width characters (U+200B)',
    ],
    [
      L.lines.update,
      'data._operatorGroups.1',
      { id: 'line-1', data: { _operatorGroups: ['g-1', 'g\u00002'] } },
      'Must not contain control characters (U+0000)',
    ],
    [
      L.clients.findOrCreate,
      'externalId',
      { channelId: 'ch-1', account: 'ann', externalId: 'x'.repeat(321) },
      'Must be at most 320 characters',
    ],
  ])('%s refuses a bad %s, naming it', (subject, field, payload, message) => {
    const error = rejection(subject, payload);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toBe(`invalid ${subject} request: ${field}: ${message}`);
    expect(error.details?.issues as ValidationIssue[]).toEqual([{ field, message }]);
  });
});
