import { OperatorData, OperatorDataSchema, OperatorStatusType } from '@openlines/contracts';
import { CollectionDefinition } from '@openlines/persistence';
import { defineEntityFields } from '@openlines/query';

export const OPERATORS_COLLECTION = 'operators';

export type OperatorDocument = OperatorData;

export const OPERATORS_DEFINITION: CollectionDefinition = {
  indexes: [{ fields: { _groups: 1, _status: 1 }, name: 'operator_groups_status' }],
};

export function toOperatorData(doc: OperatorDocument): OperatorData {
  return OperatorDataSchema.parse(doc);
}

/** What `lines.operators.search` may filter and sort on (operators have no other system fields). */
export const OPERATOR_FIELDS = defineEntityFields(
  {
    __id: { type: 'ref' },
    __name: { type: 'string' },
    _groups: { type: 'refArray' },
    _status: { type: 'enum', values: Object.values(OperatorStatusType) },
    _statusChangedAt: { type: 'date' },
  },
  { includeSystemFields: false },
);
