import { LineClientData, LinesRpc } from '@openlines/contracts';
import { refId } from '../refs/ref-id';
import { toAppRef } from './app-ref.normaliser';
import { ItemBase } from './item-base';
import { WritableFields } from './writable-diff';

/** [doc] `_applicationItem` is set by assigning an app item; null/undefined unlinks it. */
const CLIENT_WRITABLE: WritableFields = {
  __name: {},
  _applicationItem: { nullable: true, normalise: toAppRef },
  _extraData: {},
};

export interface ClientBlockOptions {
  /** End of the block (absent: until unblocked). */
  until?: Date | string;
  /** Block on this line only (absent: every line); an id or a line item. */
  line?: unknown;
}

/** `LineClientItem` [doc]: a customer or employee writing through a channel. */
export class LineClientItem extends ItemBase<LineClientData> {
  readonly code = 'clients';

  async fetch(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.clients.get, { id: this.id }));
  }

  /** [doc] Sends the changed writable fields: `__name`, `_applicationItem`, `_extraData`. */
  async save(): Promise<this> {
    const data = this.changedFields(CLIENT_WRITABLE);
    if (Object.keys(data).length === 0) return this;
    return this.replace(await this.ctx.call(LinesRpc.clients.save, { id: this.id, data }));
  }

  /** Blocks an external account [doc]; its next sessions are marked as spam. */
  async block(options: ClientBlockOptions = {}): Promise<this> {
    const until = options.until instanceof Date ? options.until.toISOString() : options.until;
    const request = {
      id: this.id,
      ...(until === undefined ? {} : { until }),
      ...(options.line === undefined ? {} : { lineId: refId(options.line, 'line') }),
    };
    return this.replace(await this.ctx.call(LinesRpc.clients.block, request));
  }

  async unblock(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.clients.unblock, { id: this.id }));
  }
}
