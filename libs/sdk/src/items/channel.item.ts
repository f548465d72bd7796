import { LineChannelData, LinesRpc } from '@openlines/contracts';
import { ItemBase } from './item-base';
import { changedWritableFields, WritableFields } from './writable-diff';

/** `_settings` is sent as a patch of the keys that changed (secrets are write-only). */
const CHANNEL_WRITABLE: WritableFields = { __name: {} };

/** `LineChannelItem` [doc]: a messenger connection of a line. */
export class LineChannelItem extends ItemBase<LineChannelData> {
  readonly code = 'channels';

  async fetch(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.channels.get, { id: this.id }));
  }

  /** Any channel may be disconnected [doc]. */
  async disconnect(reason?: string): Promise<this> {
    const request = { id: this.id, ...(reason === undefined ? {} : { reason }) };
    return this.replace(await this.ctx.call(LinesRpc.channels.disconnect, request));
  }

  /** Only telegramBot, inbox, viberbot, livechat, instagram [doc]; else INVALID_TRANSITION. */
  async reconnect(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.channels.reconnect, { id: this.id }));
  }

  /**
   * Sends a changed name and the changed keys of `_settings` (a patch, merged by the service),
   * so secrets never returned by the service are not overwritten by their absence.
   */
  async save(): Promise<this> {
    const data: { __name?: string; _settings?: Record<string, unknown> } =
      this.changedFields(CHANNEL_WRITABLE);
    const settings = this.changedSettings();
    if (Object.keys(settings).length > 0) data._settings = settings;
    if (Object.keys(data).length === 0) return this;
    return this.replace(await this.ctx.call(LinesRpc.channels.update, { id: this.id, data }));
  }

  /** Soft delete: sets `__deletedAt`. */
  async delete(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.channels.delete, { id: this.id }));
  }

  private changedSettings(): Record<string, unknown> {
    const current: Record<string, unknown> = { ...this.data._settings };
    const fields = Object.fromEntries(Object.keys(current).map((key) => [key, {}]));
    return changedWritableFields({ ...this.original._settings }, current, fields);
  }
}
