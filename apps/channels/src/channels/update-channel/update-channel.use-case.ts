import { retryOnConflict } from '@openlines/messaging';
import { z } from 'zod';
import { ChannelUpdateRequestSchema, LineChannelData, OpenLinesError } from '@openlines/contracts';
import { ChannelRecord, toChannelData, withSettingsPatch } from '../domain/channel.rules';
import { ChannelRepository } from '../persistence/channel.repository';

export type ChannelUpdateData = z.output<typeof ChannelUpdateRequestSchema>['data'];

/**
 * lines.channels.update: rename and/or patch the settings of the channel's type (secrets may be
 * replaced, never read). Not a state change, so no channel.changed event.
 */
export class UpdateChannelUseCase {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  execute(id: string, data: ChannelUpdateData): Promise<LineChannelData> {
    return retryOnConflict(async () => {
      const before = await this.channels.getById(id);
      if (before.__deletedAt !== undefined) {
        throw OpenLinesError.invalidTransition(
          `cannot update channel ${id}: the channel is deleted`,
          {
            channelId: id,
            action: 'update',
          },
        );
      }
      let after: ChannelRecord = { ...before, __updatedAt: this.clock().toISOString() };
      if (data.__name !== undefined) after.__name = data.__name;
      if (data._settings !== undefined) after = withSettingsPatch(after, data._settings);
      return toChannelData(await this.channels.replace(before, after, []));
    });
  }
}
