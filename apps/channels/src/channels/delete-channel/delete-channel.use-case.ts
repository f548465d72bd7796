import { retryOnConflict } from '@openlines/messaging';
import { LineChannelData, LineChannelState } from '@openlines/contracts';
import { OutboxKick } from '../../store/outbox-kick';
import { channelChangedEntry } from '../domain/channel.events';
import { ChannelRecord, toChannelData } from '../domain/channel.rules';
import { ChannelRepository } from '../persistence/channel.repository';

/**
 * lines.channels.delete, a soft delete: the channel gets `__deletedAt`, stops taking messages
 * (state `disconnected`) and channel.changed says so (reason "deleted"). Deleting twice replies
 * with the deleted channel and emits nothing more.
 */
export class DeleteChannelUseCase {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly outbox: OutboxKick,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  execute(id: string): Promise<LineChannelData> {
    return retryOnConflict(async () => {
      const now = this.clock();
      const before = await this.channels.getById(id);
      if (before.__deletedAt !== undefined) return toChannelData(before);
      const at = now.toISOString();
      const after: ChannelRecord = {
        ...before,
        __deletedAt: at,
        __updatedAt: at,
        _state: LineChannelState.disconnected,
        _error: undefined,
      };
      const version = (before._version ?? 1) + 1;
      const event = channelChangedEntry(before._state, after, version, now, 'deleted');
      const stored = await this.channels.replace(before, after, [event]);
      this.outbox.kick();
      return toChannelData(stored);
    });
  }
}
