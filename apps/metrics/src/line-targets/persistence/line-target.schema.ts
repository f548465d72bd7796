import { CollectionDefinition } from '@openlines/persistence';
import { TargetChange } from '../domain/line-target.rules';

export const LINE_TARGETS_COLLECTION = 'metric_line_targets';

/** A line's reply-target history (LineTargetHistory), keyed by the line id. */
export interface LineTargetDocument {
  __id: string;
  changes: TargetChange[];
  _version?: number;
}

export const LINE_TARGETS_DEFINITION: CollectionDefinition = { versionField: '_version' };
