import { z } from 'zod';
import { FILTER_TOO_DEEP, isFilterDeeperThan } from './filter-depth';

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
 * The filter travels as `unknown` here on purpose: its shape and size are checked by libs/query's
 * validator against the entity's field list. Its depth is bounded here already (iteratively), so
 * that an edge that only forwards it (the gateway) refuses a 5,000-deep tree before serialising it.
 */
const FilterSchema = z
  .unknown()
  .refine((filter) => !isFilterDeeperThan(filter), FILTER_TOO_DEEP)
  .optional();

export const SearchRequestSchema = z
  .object({
    filter: FilterSchema,
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

export const CountRequestSchema = z.object({ filter: FilterSchema }).strict();
export type CountRequest = z.input<typeof CountRequestSchema>;

export const CountReplySchema = z.object({ count: z.number().int().min(0) }).strict();
export type CountReply = z.infer<typeof CountReplySchema>;
