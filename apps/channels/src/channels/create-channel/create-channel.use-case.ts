import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  LineChannelData,
  LineChannelState,
  LineData,
  OpenLinesError,
} from '@openlines/contracts';
import { OutboxKick } from '../../store/outbox-kick';
import { channelChangedEntry } from '../domain/channel.events';
import { NewChannelInput, newChannelRecord, toChannelData } from '../domain/channel.rules';
import { ChannelRepository } from '../persistence/channel.repository';

/** What creating a channel must know of lines. */
export interface ChannelLinesPort {
  findById(id: string): Promise<LineData | null>;
}

/**
 * lines.channels.create: a channel of any type on a live line. It starts active, and its
 * channel.changed event (disconnected → active, "created") is stored with it.
 */
export class CreateChannelUseCase {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly lines: ChannelLinesPort,
    private readonly outbox: OutboxKick,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(input: NewChannelInput): Promise<LineChannelData> {
    const line = await this.lines.findById(input._line);
    if (line === null) throw OpenLinesError.notFound('line', input._line);
    if (line.__deletedAt !== undefined) {
      throw new OpenLinesError(ErrorCode.NotFound, `line ${input._line} is deleted`, {
        entity: 'line',
        id: input._line,
        deletedAt: line.__deletedAt,
      });
    }
    const now = this.clock();
    const record = newChannelRecord(input, randomUUID(), now);
    const event = channelChangedEntry(LineChannelState.disconnected, record, 1, now, 'created');
    const stored = await this.channels.insert(record, [event]);
    this.outbox.kick();
    return toChannelData(stored);
  }
}
