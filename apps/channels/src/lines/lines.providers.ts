import { Provider } from '@nestjs/common';
import { ChannelRepository } from '../channels/persistence/channel.repository';
import { OUTBOX_KICKS, OutboxKick } from '../store/outbox-kick';
import { CreateLineHandler } from './create-line/create-line.handler';
import { CreateLineUseCase } from './create-line/create-line.use-case';
import { DeleteLineHandler } from './delete-line/delete-line.handler';
import { DeleteLineUseCase } from './delete-line/delete-line.use-case';
import { FindLinesHandler } from './find-lines/find-lines.handler';
import { FindLinesUseCase } from './find-lines/find-lines.use-case';
import { LineRepository } from './persistence/line.repository';
import { UpdateLineHandler } from './update-line/update-line.handler';
import { UpdateLineUseCase } from './update-line/update-line.use-case';

/** lines.lines.* */
export const LINE_HANDLERS = [
  CreateLineHandler,
  UpdateLineHandler,
  DeleteLineHandler,
  FindLinesHandler,
];

export const LINE_PROVIDERS: Provider[] = [
  {
    provide: CreateLineUseCase,
    inject: [LineRepository, OUTBOX_KICKS],
    useFactory: (lines: LineRepository, outbox: OutboxKick) => new CreateLineUseCase(lines, outbox),
  },
  {
    provide: UpdateLineUseCase,
    inject: [LineRepository, OUTBOX_KICKS],
    useFactory: (lines: LineRepository, outbox: OutboxKick) => new UpdateLineUseCase(lines, outbox),
  },
  {
    provide: DeleteLineUseCase,
    inject: [LineRepository, ChannelRepository, OUTBOX_KICKS],
    useFactory: (lines: LineRepository, channels: ChannelRepository, outbox: OutboxKick) =>
      new DeleteLineUseCase(lines, channels, outbox),
  },
  {
    provide: FindLinesUseCase,
    inject: [LineRepository],
    useFactory: (lines: LineRepository) => new FindLinesUseCase(lines),
  },
];
