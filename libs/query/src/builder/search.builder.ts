import {
  CountRequest,
  FilterNode,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  FILTER_TOO_DEEP,
  isFilterDeeperThan,
  OpenLinesError,
  SearchRequest,
  SortSpec,
} from '@openlines/contracts';
import { FieldOperands, FilterGroups, fieldOperands, filterGroups } from './field-operand.builder';

/** Runs a search somewhere (NATS, HTTP, in process): the search object itself is transport-agnostic. */
export interface SearchExecutor<T> {
  search(request: SearchRequest): Promise<T[]>;
  count(request: CountRequest): Promise<number>;
}

export type WhereCallback<D> = (f: FieldOperands<D>, g: FilterGroups) => FilterNode;

/** Sort keys of one search, as SearchRequestSchema accepts them. */
const MAX_SORT_KEYS = 5;

function assertInteger(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw OpenLinesError.validation(`invalid search ${what}: ${value}`, [
      { field: what, message: `must be an integer from ${min} to ${max}` },
    ]);
  }
}

/**
 * `collection.search()` of the spec: chainable setters that return the same object (as in
 * ELMA365), then `all()`, `first()` or `count()`. `where` sets the condition (a second call
 * replaces it); `sort` adds a key (the same field again replaces its direction).
 */
export class Search<T, D = Record<string, unknown>> {
  private filter: FilterNode | undefined;
  private skip = 0;
  private pageSize = DEFAULT_PAGE_SIZE;
  private readonly sortKeys: SortSpec[] = [];

  constructor(private readonly executor: SearchExecutor<T>) {}

  where(condition: WhereCallback<D>): this {
    const filter = condition(fieldOperands<D>(), filterGroups);
    // Refused where the caller built it: sent on, it would overflow JSON.stringify in a transport.
    if (isFilterDeeperThan(filter)) {
      throw OpenLinesError.validation(`invalid search where: ${FILTER_TOO_DEEP}`, [
        { field: 'where', message: FILTER_TOO_DEEP },
      ]);
    }
    this.filter = filter;
    return this;
  }

  from(n: number): this {
    assertInteger('from', n, 0, Number.MAX_SAFE_INTEGER);
    this.skip = n;
    return this;
  }

  size(n: number): this {
    assertInteger('size', n, 1, MAX_PAGE_SIZE);
    this.pageSize = n;
    return this;
  }

  sort(field: (keyof D & string) | string, ascending = true): this {
    const existing = this.sortKeys.find((key) => key.field === field);
    if (existing) existing.ascending = ascending;
    else if (this.sortKeys.length >= MAX_SORT_KEYS) {
      throw OpenLinesError.validation(`too many sort keys: at most ${MAX_SORT_KEYS}`, [
        { field: 'sort', message: `at most ${MAX_SORT_KEYS} keys` },
      ]);
    } else this.sortKeys.push({ field, ascending });
    return this;
  }

  /** One page: `size` items (default 10) after `from`. */
  all(): Promise<T[]> {
    return this.executor.search(this.toRequest());
  }

  /** The first item of the page, or undefined: a search of size 1. */
  async first(): Promise<T | undefined> {
    const [item] = await this.executor.search({ ...this.toRequest(), size: 1 });
    return item;
  }

  /** Every matching item; from/size/sort do not apply. */
  count(): Promise<number> {
    return this.executor.count(this.filter === undefined ? {} : { filter: this.filter });
  }

  /** The wire request this search sends (a plain JSON object). */
  toRequest(): SearchRequest {
    return {
      ...(this.filter === undefined ? {} : { filter: this.filter }),
      from: this.skip,
      size: this.pageSize,
      ...(this.sortKeys.length === 0 ? {} : { sort: this.sortKeys.map((key) => ({ ...key })) }),
    };
  }
}

/** Creates a search over the given executor; the SDK's collections call this. */
export function search<T, D = Record<string, unknown>>(executor: SearchExecutor<T>): Search<T, D> {
  return new Search<T, D>(executor);
}
