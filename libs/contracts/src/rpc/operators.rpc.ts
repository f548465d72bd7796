import { z } from 'zod';
import { IdSchema, NameSchema } from '../data/common.schema';
import { OperatorDataSchema } from '../data/operator.data';
import { OperatorStatusType } from '../enums';
import { SearchRequestSchema } from '../query/search';
import { ByIdRequestSchema, itemsReplySchema, rpcSubjects, RpcSchemaPair } from './rpc-common';

/** The sessions service's operator directory: group membership and presence. */
export const LinesOperatorsRpc = rpcSubjects('operators', [
  'upsert',
  'setStatus',
  'get',
  'search',
] as const);

/**
 * Creates or replaces an operator's name and groups (`groups` replaces the list). A new
 * operator starts `offline`; `name` defaults to the id.
 */
export const OperatorUpsertRequestSchema = z
  .object({ operatorId: IdSchema, name: NameSchema.optional(), groups: z.array(IdSchema).max(200) })
  .strict();
export type OperatorUpsertRequest = z.input<typeof OperatorUpsertRequestSchema>;

/** Going offline may requeue the operator's sessions (line setting `_requeueOnOffline`). */
export const OperatorSetStatusRequestSchema = z
  .object({ operatorId: IdSchema, status: z.nativeEnum(OperatorStatusType) })
  .strict();
export type OperatorSetStatusRequest = z.input<typeof OperatorSetStatusRequestSchema>;

export const OperatorSearchReplySchema = itemsReplySchema(OperatorDataSchema);

export const LinesOperatorsRpcSchemas = {
  [LinesOperatorsRpc.upsert]: { request: OperatorUpsertRequestSchema, reply: OperatorDataSchema },
  [LinesOperatorsRpc.setStatus]: {
    request: OperatorSetStatusRequestSchema,
    reply: OperatorDataSchema,
  },
  [LinesOperatorsRpc.get]: { request: ByIdRequestSchema, reply: OperatorDataSchema },
  [LinesOperatorsRpc.search]: { request: SearchRequestSchema, reply: OperatorSearchReplySchema },
} as const satisfies Record<
  (typeof LinesOperatorsRpc)[keyof typeof LinesOperatorsRpc],
  RpcSchemaPair
>;
