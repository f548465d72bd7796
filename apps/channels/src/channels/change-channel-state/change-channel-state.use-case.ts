import { retryOnConflict } from '@openlines/messaging';
import { LineChannelData } from '@openlines/contracts';
import { OutboxKick } from '../../store/outbox-kick';
import { channelChangedEntry } from '../domain/channel.events';
import { ChannelRecord, stateUpdate, toChannelData } from '../domain/channel.rules';
import {
  ChannelStatePatch,
  disconnectPatch,
  markErrorPatch,
  reconnectPatch,
} from '../domain/channel-state.rules';
import { ChannelRepository } from '../persistence/channel.repository';

/**
 * lines.channels.disconnect / reconnect / markError: one transition of the channel state machine
 * (channel-state.rules) under the channel's optimistic lock, stored with its channel.changed
 * event. A transition to where the channel already is writes and emits nothing.
 */
export class ChangeChannelStateUseCase {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly outbox: OutboxKick,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  disconnect(id: string, reason?: string): Promise<LineChannelData> {
    return this.transition(id, disconnectPatch, reason);
  }

  reconnect(id: string): Promise<LineChannelData> {
    return this.transition(id, reconnectPatch);
  }

  markError(id: string, reason: string): Promise<LineChannelData> {
    return this.transition(id, (channel) => markErrorPatch(channel, reason), reason);
  }

  private transition(
    id: string,
    rule: (channel: ChannelRecord) => ChannelStatePatch | null,
    reason?: string,
  ): Promise<LineChannelData> {
    return retryOnConflict(async () => {
      const now = this.clock();
      const before = await this.channels.getById(id);
      const patch = rule(before);
      if (patch === null) return toChannelData(before);
      const after: ChannelRecord = {
        ...before,
        ...stateUpdate(patch),
        __updatedAt: now.toISOString(),
      };
      const version = (before._version ?? 1) + 1;
      const event = channelChangedEntry(before._state, after, version, now, reason);
      const stored = await this.channels.replace(before, after, [event]);
      this.outbox.kick();
      return toChannelData(stored);
    });
  }
}
