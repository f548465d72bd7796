import { MetricRebuildStatus } from '@openlines/contracts';
import { CollectionDefinition } from '@openlines/persistence';
import { SessionFact } from '../domain/session-fact';
import { SessionFoldState } from '../domain/session-fold.state';
import { MeasurementDocument } from '../../metric-items/persistence/measurement.schema';

export const SESSION_PROJECTIONS_COLLECTION = 'metric_session_projections';

/**
 * The item changes one applied fact causes, written with the projection state in the same
 * document update before the items are touched, and cleared after. A journal still present
 * means the item writes may be incomplete: they are redone idempotently (see MetricItemsWriter).
 */
export interface ProjectionJournal {
  eventId: string;
  added: MeasurementDocument[];
  removed: MeasurementDocument[];
}

/** Per-session projection state (see SessionProjection), with its pending journal. */
export interface SessionProjectionDocument {
  __id: string;
  lineId?: string;
  channelId?: string;
  facts: SessionFact[];
  fold: SessionFoldState;
  journal?: ProjectionJournal;
  _version?: number;
}

export const SESSION_PROJECTIONS_DEFINITION: CollectionDefinition = {
  versionField: '_version',
  indexes: [{ fields: { lineId: 1 } }, { fields: { 'journal.eventId': 1 }, sparse: true }],
};

/**
 * The projector's own bookkeeping, one document: its presence says the store holds a
 * projection; `generation` is the one that answers (absent: 0); `rebuilding` marks a generation
 * being built (left behind by a crash: the start-up clears it); `lastRebuild` is the outcome of
 * the latest rebuild (what `rebuildStatus` answers after a restart).
 */
export const PROJECTOR_STATE_COLLECTION = 'metric_projector_state';
export const PROJECTOR_STATE_ID = 'projector';

export interface ProjectorStateDocument {
  __id: string;
  initializedAt: string;
  generation?: number;
  rebuilding?: { generation: number; status: MetricRebuildStatus };
  lastRebuild?: MetricRebuildStatus;
}
