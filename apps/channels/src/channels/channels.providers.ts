import { Provider } from '@nestjs/common';
import { LineRepository } from '../lines/persistence/line.repository';
import { OUTBOX_KICKS, OutboxKick } from '../store/outbox-kick';
import { ChangeChannelStateHandler } from './change-channel-state/change-channel-state.handler';
import { ChangeChannelStateUseCase } from './change-channel-state/change-channel-state.use-case';
import { CreateChannelHandler } from './create-channel/create-channel.handler';
import { CreateChannelUseCase } from './create-channel/create-channel.use-case';
import { DeleteChannelHandler } from './delete-channel/delete-channel.handler';
import { DeleteChannelUseCase } from './delete-channel/delete-channel.use-case';
import { FindChannelsHandler } from './find-channels/find-channels.handler';
import { FindChannelsUseCase } from './find-channels/find-channels.use-case';
import { ChannelRepository } from './persistence/channel.repository';
import { UpdateChannelHandler } from './update-channel/update-channel.handler';
import { UpdateChannelUseCase } from './update-channel/update-channel.use-case';

/** lines.channels.* */
export const CHANNEL_HANDLERS = [
  CreateChannelHandler,
  UpdateChannelHandler,
  DeleteChannelHandler,
  ChangeChannelStateHandler,
  FindChannelsHandler,
];

export const CHANNEL_PROVIDERS: Provider[] = [
  {
    provide: CreateChannelUseCase,
    inject: [ChannelRepository, LineRepository, OUTBOX_KICKS],
    useFactory: (channels: ChannelRepository, lines: LineRepository, outbox: OutboxKick) =>
      new CreateChannelUseCase(channels, lines, outbox),
  },
  {
    provide: UpdateChannelUseCase,
    inject: [ChannelRepository],
    useFactory: (channels: ChannelRepository) => new UpdateChannelUseCase(channels),
  },
  {
    provide: DeleteChannelUseCase,
    inject: [ChannelRepository, OUTBOX_KICKS],
    useFactory: (channels: ChannelRepository, outbox: OutboxKick) =>
      new DeleteChannelUseCase(channels, outbox),
  },
  {
    provide: ChangeChannelStateUseCase,
    inject: [ChannelRepository, OUTBOX_KICKS],
    useFactory: (channels: ChannelRepository, outbox: OutboxKick) =>
      new ChangeChannelStateUseCase(channels, outbox),
  },
  {
    provide: FindChannelsUseCase,
    inject: [ChannelRepository],
    useFactory: (channels: ChannelRepository) => new FindChannelsUseCase(channels),
  },
];
