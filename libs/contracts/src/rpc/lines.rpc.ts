import { z } from 'zod';
import { IdSchema } from '../data/common.schema';
import { LineDataSchema, LineWritableShape } from '../data/line.data';
import { DEFAULT_SESSION_NAME_TEMPLATE } from '../data/session-name-template';
import { CountReplySchema, CountRequestSchema, SearchRequestSchema } from '../query/search';
import {
  ByIdRequestSchema,
  itemsReplySchema,
  nonEmpty,
  rpcSubjects,
  RpcSchemaPair,
} from './rpc-common';

export const LinesLinesRpc = rpcSubjects('lines', [
  'create',
  'update',
  'delete',
  'get',
  'search',
  'count',
] as const);

/** Defaults of a new line [ours]. */
export const LINE_DEFAULTS = Object.freeze({
  _operatorGroups: [] as string[],
  _supervisorGroups: [] as string[],
  _requestApps: [],
  _distribution: 'manual',
  _operatorCapacity: 5,
  _botFirst: false,
  _requeueOnOffline: false,
  _targetReplySeconds: 60,
  _sessionNameTemplate: DEFAULT_SESSION_NAME_TEMPLATE,
} as const);

const w = LineWritableShape;
export const LineCreateRequestSchema = z
  .object({
    __name: w.__name,
    _operatorGroups: w._operatorGroups.default([]),
    _supervisorGroups: w._supervisorGroups.default([]),
    _bot: w._bot.optional(),
    _accountApp: w._accountApp.optional(),
    _requestApps: w._requestApps.default([]),
    _sessionNameTemplate: w._sessionNameTemplate.default(LINE_DEFAULTS._sessionNameTemplate),
    _distribution: w._distribution.default(LINE_DEFAULTS._distribution),
    _operatorCapacity: w._operatorCapacity.default(LINE_DEFAULTS._operatorCapacity),
    _botFirst: w._botFirst.default(LINE_DEFAULTS._botFirst),
    _requeueOnOffline: w._requeueOnOffline.default(LINE_DEFAULTS._requeueOnOffline),
    _targetReplySeconds: w._targetReplySeconds.default(LINE_DEFAULTS._targetReplySeconds),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (line._botFirst && line._bot === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['_bot'],
        message: 'Required when _botFirst is true',
      });
    }
  });
export type LineCreateRequest = z.input<typeof LineCreateRequestSchema>;

/**
 * A partial update; `null` removes the optional `_bot` / `_accountApp`. The service checks the
 * merged line (e.g. `_botFirst` needs a bot) and replies with it.
 */
export const LineUpdateRequestSchema = z
  .object({
    id: IdSchema,
    data: nonEmpty(
      z
        .object({
          ...LineWritableShape,
          _bot: w._bot.nullable(),
          _accountApp: w._accountApp.nullable(),
        })
        .partial()
        .strict(),
    ),
  })
  .strict();
export type LineUpdateRequest = z.input<typeof LineUpdateRequestSchema>;

export const LineSearchReplySchema = itemsReplySchema(LineDataSchema);

/** `delete` is a soft delete: it sets `__deletedAt` and replies with the line. */
export const LinesLinesRpcSchemas = {
  [LinesLinesRpc.create]: { request: LineCreateRequestSchema, reply: LineDataSchema },
  [LinesLinesRpc.update]: { request: LineUpdateRequestSchema, reply: LineDataSchema },
  [LinesLinesRpc.delete]: { request: ByIdRequestSchema, reply: LineDataSchema },
  [LinesLinesRpc.get]: { request: ByIdRequestSchema, reply: LineDataSchema },
  [LinesLinesRpc.search]: { request: SearchRequestSchema, reply: LineSearchReplySchema },
  [LinesLinesRpc.count]: { request: CountRequestSchema, reply: CountReplySchema },
} as const satisfies Record<(typeof LinesLinesRpc)[keyof typeof LinesLinesRpc], RpcSchemaPair>;
