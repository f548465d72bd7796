import { LineMessageData, LinesRpc, OpenLinesError } from '@openlines/contracts';
import { ItemBase } from './item-base';

/** `LineMessageItem` [doc]: one message of a session (read-only). */
export class LineMessageItem extends ItemBase<LineMessageData> {
  readonly code = 'messages';

  /** Reads the message again (e.g. to see `isRead` change); messages have no `get`, so a search. */
  async fetch(): Promise<this> {
    const reply = await this.ctx.call(LinesRpc.messages.search, {
      filter: { field: '__id', op: 'eq', value: this.id },
      size: 1,
    });
    const [data] = reply.items;
    if (data === undefined) throw OpenLinesError.notFound('message', this.id);
    return this.replace(data);
  }
}
