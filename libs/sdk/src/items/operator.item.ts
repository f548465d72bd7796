import { LinesRpc, OperatorData, OperatorStatusType } from '@openlines/contracts';
import { ItemBase } from './item-base';

/** An operator of the sessions service's directory: groups and presence. */
export class LineOperatorItem extends ItemBase<OperatorData> {
  readonly code = 'operators';

  async fetch(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.operators.get, { id: this.id }));
  }

  async setStatus(status: OperatorStatusType | `${OperatorStatusType}`): Promise<this> {
    const request = { operatorId: this.id, status: status as OperatorStatusType };
    return this.replace(await this.ctx.call(LinesRpc.operators.setStatus, request));
  }
}
