import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { DocumentStore } from '@openlines/persistence';
import { SessionProjection } from '../domain/session-projection.rules';
import { ProjectionJournal, SessionProjectionDocument } from './session-projection.schema';

/**
 * Stores documents as plain JSON: MongoDB would turn an `undefined` field into `null`, which the
 * fold state must never contain (absent clocks are absent).
 */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function toProjection(doc: SessionProjectionDocument): SessionProjection {
  const projection: SessionProjection = { sessionId: doc.__id, facts: doc.facts, fold: doc.fold };
  if (doc.lineId !== undefined) projection.lineId = doc.lineId;
  if (doc.channelId !== undefined) projection.channelId = doc.channelId;
  return projection;
}

/** Per-session projection state, written with compare-and-set on its version. */
export class SessionProjectionRepository {
  constructor(private readonly store: DocumentStore<SessionProjectionDocument>) {}

  get(sessionId: string): Promise<SessionProjectionDocument | null> {
    return this.store.findOne({ __id: sessionId });
  }

  /**
   * Saves the new state with its journal: an insert for a new session, otherwise a
   * compare-and-set on the version read (CONFLICT if another writer moved it). Returns the doc.
   */
  async save(
    projection: SessionProjection,
    journal: ProjectionJournal | undefined,
    expectedVersion: number | undefined,
  ): Promise<SessionProjectionDocument> {
    const fields = plain({
      lineId: projection.lineId,
      channelId: projection.channelId,
      facts: projection.facts,
      fold: projection.fold,
      journal,
    });
    if (expectedVersion === undefined)
      return this.store.insertOne({ __id: projection.sessionId, ...fields });
    const unset: Record<string, ''> = journal === undefined ? { journal: '' } : {};
    return this.store.compareAndSet(projection.sessionId, expectedVersion, {
      $set: fields,
      ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
    });
  }

  /**
   * Clears the journal written with `version` (a compare-and-set by id: the store's cheapest
   * write). If the document moved on meanwhile, the journal stays and is completed again later,
   * which recomputes the same figures.
   */
  async clearJournal(sessionId: string, version: number | undefined): Promise<void> {
    if (version === undefined) return;
    try {
      await this.store.compareAndSet(sessionId, version, { $unset: { journal: '' } });
    } catch (error) {
      if (!(error instanceof OpenLinesError && error.code === ErrorCode.Conflict)) throw error;
    }
  }

  withJournal(): Promise<SessionProjectionDocument[]> {
    return this.store.find({ journal: { $exists: true } });
  }
}
