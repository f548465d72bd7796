import { Inject, Injectable } from '@nestjs/common';
import { OperatorStatusType } from '@openlines/contracts';
import { DocumentStore, Filter, FindOptions, STORE_FACTORY, StoreFactory } from '@openlines/persistence';
import { OPERATORS_COLLECTION, OPERATORS_DEFINITION, OperatorDocument } from './operator.schema';

@Injectable()
export class OperatorRepository {
  private readonly store: DocumentStore<OperatorDocument>;

  constructor(@Inject(STORE_FACTORY) factory: StoreFactory) {
    this.store = factory.createStore<OperatorDocument>(OPERATORS_COLLECTION, OPERATORS_DEFINITION);
  }

  findById(id: string): Promise<OperatorDocument | null> {
    return this.store.findOne({ __id: id });
  }

  /** Operators belonging to any of the groups. */
  inGroups(groups: readonly string[]): Promise<OperatorDocument[]> {
    return this.store.find({ _groups: { $in: [...groups] } });
  }

  /** Creates the operator (offline) or replaces name and groups, keeping the presence. */
  upsert(id: string, name: string, groups: string[], now: string): Promise<OperatorDocument | null> {
    return this.store.findOneAndUpdate(
      { __id: id },
      {
        $set: { __name: name, _groups: groups },
        $setOnInsert: { _status: OperatorStatusType.offline, _statusChangedAt: now },
      },
      { upsert: true },
    );
  }

  /** Sets the presence; returns the operator before the change (null when unknown). */
  async setStatus(id: string, status: OperatorStatusType, now: string): Promise<{ before: OperatorDocument; after: OperatorDocument } | null> {
    const before = await this.findById(id);
    if (before === null) return null;
    if (before._status === status) return { before, after: before };
    const after = await this.store.findOneAndUpdate({ __id: id }, { $set: { _status: status, _statusChangedAt: now } });
    return after === null ? null : { before, after };
  }

  search(filter: Filter, options: FindOptions): Promise<OperatorDocument[]> {
    return this.store.find(filter, options);
  }
}
