import { z } from 'zod';

/**
 * The search language on the wire. `search().where((f, g) => …)` in the SDK builds a FilterNode
 * tree; the receiving service validates it against the entity's field list and compiles it to a
 * MongoDB filter (libs/query). A caller never sends a raw MongoDB filter.
 */
export const FIELD_OPERATORS = [
  'eq',
  'neq',
  'in',
  'nin',
  'all',
  'has',
  'like',
  'gt',
  'gte',
  'lt',
  'lte',
  'link',
] as const;
export type FieldOperator = (typeof FIELD_OPERATORS)[number];

export type FilterNode =
  | { and: FilterNode[] }
  | { or: FilterNode[] }
  | { not: FilterNode }
  | { field: string; op: FieldOperator; value: unknown };

export interface SortSpec {
  field: string;
  ascending: boolean;
}

/** Default page size of `.all()` [doc] and the largest one accepted [ours]. */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 10_000;

/**
 * The filter travels as `unknown` here on purpose: its shape, depth and size are checked by
 * libs/query's validator against the entity's field list (iteratively, so a 10,000-deep tree is
 * refused, not a stack overflow).
 */
export const SearchRequestSchema = z
  .object({
    filter: z.unknown().optional(),
    from: z.number().int().min(0).default(0),
    size: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    sort: z
      .array(
        z
          .object({ field: z.string().min(1).max(100), ascending: z.boolean().default(true) })
          .strict(),
      )
      .max(5)
      .optional(),
  })
  .strict();
export type SearchRequest = z.input<typeof SearchRequestSchema>;

export const CountRequestSchema = z.object({ filter: z.unknown().optional() }).strict();
export type CountRequest = z.input<typeof CountRequestSchema>;

export const CountReplySchema = z.object({ count: z.number().int().min(0) }).strict();
export type CountReply = z.infer<typeof CountReplySchema>;
