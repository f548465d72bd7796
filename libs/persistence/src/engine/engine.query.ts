import { ResolvedDefinition } from '../port/collection.definition';
import { Filter, FindOptions } from '../port/document-store.port';
import { assertNoServerScript } from '../port/store.guards';
import { planQuery } from '../index/query-planner';
import { ScanObserver } from '../index/scan-observer';
import { mingoQuery } from '../memory/mingo.options';
import { CollectionBackend, Doc } from './collection.backend';

/**
 * Finds the documents a filter matches: the planner picks the candidates (by id, through a
 * declared index, or every document, which is reported as a scan), then mingo evaluates the
 * whole filter, sort, skip, limit and projection on them, as it did on the whole collection.
 * Returns what the backend holds; the store copies it before handing it out when needed.
 */
export class EngineQuery {
  constructor(
    private readonly collection: string,
    private readonly definition: ResolvedDefinition,
    private readonly backend: CollectionBackend,
    private readonly scans: ScanObserver,
  ) {}

  run(filter: Filter, options: FindOptions, operation: string): Doc[] {
    assertNoServerScript(filter, 'filter');
    const plan = planQuery(filter, this.definition, this.backend.planning);
    if (plan.kind === 'scan')
      this.scans.scanned({ collection: this.collection, operation, fields: plan.fields });
    // `{ <id>: 'x' }` alone needs no matching at all: the hottest call of every service.
    const onlyId = Object.keys(filter).length === 1 && plan.kind === 'ids' && plan.ids.length === 1;
    if (
      onlyId &&
      options.projection === undefined &&
      typeof filter[this.definition.idField] === 'string'
    ) {
      const doc = this.backend.get(plan.ids[0]);
      return doc === undefined || (options.skip ?? 0) > 0 ? [] : [doc];
    }
    const cursor = mingoQuery(filter).find<Doc>(
      this.backend.candidates(plan),
      options.projection ?? {},
    );
    if (options.sort !== undefined) cursor.sort(options.sort);
    if (options.skip !== undefined && options.skip > 0) cursor.skip(options.skip);
    if (options.limit !== undefined && options.limit > 0) cursor.limit(options.limit);
    return cursor.all();
  }
}
