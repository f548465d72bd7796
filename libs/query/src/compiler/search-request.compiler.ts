import {
  CountRequestSchema,
  SearchRequestSchema,
  SortSpec,
  ValidationIssue,
  validate,
} from '@openlines/contracts';
import { EntityFieldSpec } from '../fields/entity-fields.definition';
import { MongoFilter } from './condition.compiler';
import { compileFilter, validationFailure } from './filter.compiler';

export type MongoSort = Record<string, 1 | -1>;

/** What a service hands to its DocumentStore's find(filter, { sort, skip, limit }). */
export interface CompiledSearch {
  filter: MongoFilter;
  sort: MongoSort;
  skip: number;
  limit: number;
}

/** The id is the last sort key, so that pages are stable when sort values tie. */
const TIE_BREAKER = '__id';

export function compileSort(spec: EntityFieldSpec, keys: readonly SortSpec[] = []): MongoSort {
  const issues: ValidationIssue[] = [];
  const sort: MongoSort = {};
  keys.forEach(({ field, ascending }, i) => {
    const definition = Object.hasOwn(spec, field) ? spec[field] : undefined;
    if (definition === undefined)
      issues.push({ field: `sort.${i}.field`, message: `unknown field "${field}"` });
    else if (!definition.sortable)
      issues.push({ field: `sort.${i}.field`, message: `field "${field}" is not sortable` });
    else if (Object.hasOwn(sort, field))
      issues.push({ field: `sort.${i}.field`, message: `field "${field}" sorted twice` });
    else sort[field] = ascending ? 1 : -1;
  });
  if (issues.length > 0) throw validationFailure('search sort', issues);
  if (Object.hasOwn(spec, TIE_BREAKER) && !Object.hasOwn(sort, TIE_BREAKER)) sort[TIE_BREAKER] = 1;
  return sort;
}

/**
 * Validates a search request as it arrived (unknown JSON) and compiles it for the store:
 * page size defaults to 10 and is capped at MAX_PAGE_SIZE, the filter and sort fields are
 * checked against the entity's field list. Throws VALIDATION_FAILED naming every bad field.
 */
export function compileSearchRequest(spec: EntityFieldSpec, request: unknown): CompiledSearch {
  const parsed = validate(SearchRequestSchema, request ?? {}, 'search request');
  return {
    filter: compileFilter(spec, parsed.filter),
    sort: compileSort(spec, parsed.sort),
    skip: parsed.from,
    limit: parsed.size,
  };
}

/** The same for `count()`: only the filter matters. */
export function compileCountRequest(
  spec: EntityFieldSpec,
  request: unknown,
): { filter: MongoFilter } {
  const parsed = validate(CountRequestSchema, request ?? {}, 'count request');
  return { filter: compileFilter(spec, parsed.filter) };
}
