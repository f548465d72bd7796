import { z } from 'zod';
import { IdSchema } from '../data/common.schema';

/**
 * RPC subjects are `lines.<collection>.<verb>` (NATS request-reply, a queue group per service).
 * Callers and services are bound to these names: renaming one needs a migration (deploy a service
 * answering both names before callers move). Add verbs; never rename them.
 */
export const RPC_SUBJECT_PREFIX = 'lines';

/** `{ create: 'lines.<collection>.create', … }` for the given verbs. */
export function rpcSubjects<C extends string, const V extends readonly string[]>(
  collection: C,
  verbs: V,
): { readonly [K in V[number]]: `lines.${C}.${K}` } {
  const entries = verbs.map((verb) => [verb, `${RPC_SUBJECT_PREFIX}.${collection}.${verb}`]);
  return Object.freeze(Object.fromEntries(entries)) as {
    readonly [K in V[number]]: `lines.${C}.${K}`;
  };
}

/** The request and reply schema of one subject. */
export interface RpcSchemaPair {
  request: z.ZodTypeAny;
  reply: z.ZodTypeAny;
}

/** `get` of every collection, and every other by-id request. */
export const ByIdRequestSchema = z.object({ id: IdSchema }).strict();
export type ByIdRequest = z.input<typeof ByIdRequestSchema>;

/** Reply of every `search`: one page of items. */
export function itemsReplySchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item) });
}

/** Refuses an update that changes nothing. */
export function nonEmpty<T extends z.AnyZodObject>(schema: T) {
  return schema.refine((value: Record<string, unknown>) => Object.keys(value).length > 0, {
    message: 'Nothing to update: give at least one field',
  });
}
