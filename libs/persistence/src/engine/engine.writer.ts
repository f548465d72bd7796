import { OpenLinesError } from '@openlines/contracts';
import { ResolvedDefinition, valueAt } from '../port/collection.definition';
import {
  Filter,
  FindOneAndUpdateOptions,
  UpdateDocument,
  UpdateOptions,
  UpdateResult,
} from '../port/document-store.port';
import * as guards from '../port/store.guards';
import { buildUpsert } from '../memory/memory-update';
import { CollectionBackend, Doc } from './collection.backend';
import { EngineQuery } from './engine.query';

/**
 * The writes of an EngineStore, each run synchronously inside one backend write (a transaction
 * in SQLite), with updates already validated and carrying their version bump. Returns what the
 * backend holds; the store copies it before handing it out when needed.
 */
export class EngineWriter {
  constructor(
    private readonly collection: string,
    private readonly definition: ResolvedDefinition,
    private readonly backend: CollectionBackend,
    private readonly query: EngineQuery,
  ) {}

  updateOne(filter: Filter, update: UpdateDocument, options: UpdateOptions): UpdateResult {
    return this.backend.write(() => {
      const [target] = this.query.run(filter, { limit: 1 }, 'updateOne');
      if (target !== undefined)
        return { matchedCount: 1, modifiedCount: this.backend.replace(target, update) ? 1 : 0 };
      if (!options.upsert) return { matchedCount: 0, modifiedCount: 0 };
      const inserted = this.backend.insert(buildUpsert(filter, update, this.definition));
      return { matchedCount: 0, modifiedCount: 0, upsertedId: this.idOf(inserted) };
    });
  }

  /** Like MongoDB, not atomic as a whole: a unique-key CONFLICT stops it after earlier documents. */
  updateMany(filter: Filter, update: UpdateDocument): UpdateResult {
    let matchedCount = 0;
    const modified = this.stepwise(
      () => {
        const targets = this.query.run(filter, {}, 'updateMany');
        matchedCount = targets.length;
        return targets;
      },
      (target) => this.backend.replace(target, update) !== undefined,
    );
    return { matchedCount, modifiedCount: modified.filter(Boolean).length };
  }

  findOneAndUpdate(
    filter: Filter,
    update: UpdateDocument,
    options: FindOneAndUpdateOptions,
  ): Doc | undefined {
    return this.backend.write(() => {
      const query = { limit: 1, sort: options.sort };
      const [target] = this.query.run(filter, query, 'findOneAndUpdate');
      if (target !== undefined) return this.backend.replace(target, update) ?? target;
      if (!options.upsert) return undefined;
      return this.backend.insert(buildUpsert(filter, update, this.definition));
    });
  }

  compareAndSet(
    id: string,
    expectedVersion: number,
    versionField: string,
    update: UpdateDocument,
  ): Doc {
    return this.backend.write(() => {
      const current = this.backend.get(id);
      if (current === undefined) throw OpenLinesError.notFound(this.collection, id);
      const currentVersion = valueAt(current, versionField);
      if (currentVersion !== expectedVersion)
        throw guards.versionConflict(this.collection, id, expectedVersion, currentVersion);
      return this.backend.replace(current, update) ?? current;
    });
  }

  delete(filter: Filter, many: boolean): number {
    return this.backend.write(() => {
      const operation = many ? 'deleteMany' : 'deleteOne';
      const targets = this.query.run(filter, many ? {} : { limit: 1 }, operation);
      targets.forEach((target) => this.backend.remove(target));
      return targets.length;
    });
  }

  /**
   * Runs `each` on the items in one write, each as its own all-or-nothing step; the first
   * failure ends the write keeping the steps before it, then is thrown.
   */
  stepwise<I, R>(items: readonly I[] | (() => readonly I[]), each: (item: I) => R): R[] {
    const failure: { error?: unknown } = {};
    const done = this.backend.write(() => {
      const results: R[] = [];
      for (const item of typeof items === 'function' ? items() : items) {
        try {
          results.push(this.backend.step(() => each(item)));
        } catch (error) {
          failure.error = error;
          break;
        }
      }
      return results;
    });
    if ('error' in failure) throw failure.error;
    return done;
  }

  private idOf(doc: Doc): string {
    return doc[this.definition.idField] as string;
  }
}
