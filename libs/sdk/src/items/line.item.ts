import { LineData, LinesRpc } from '@openlines/contracts';
import { ItemBase } from './item-base';
import { WritableFields } from './writable-diff';

const LINE_WRITABLE: WritableFields = {
  __name: {},
  _operatorGroups: {},
  _supervisorGroups: {},
  _bot: { nullable: true },
  _accountApp: { nullable: true },
  _requestApps: {},
  _sessionNameTemplate: {},
  _distribution: {},
  _operatorCapacity: {},
  _botFirst: {},
  _requeueOnOffline: {},
  _targetReplySeconds: {},
};

/** `LineItem` [doc]: a live chat with its groups, bot, bound apps and routing settings. */
export class LineItem extends ItemBase<LineData> {
  readonly code = 'lines';

  async fetch(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.lines.get, { id: this.id }));
  }

  /** Sends the changed writable fields; a removed `_bot` / `_accountApp` is sent as null. */
  async save(): Promise<this> {
    const data = this.changedFields(LINE_WRITABLE);
    if (Object.keys(data).length === 0) return this;
    return this.replace(await this.ctx.call(LinesRpc.lines.update, { id: this.id, data }));
  }

  /** Soft delete: sets `__deletedAt`. */
  async delete(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.lines.delete, { id: this.id }));
  }
}
