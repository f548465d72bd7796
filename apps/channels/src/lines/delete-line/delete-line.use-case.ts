import { retryOnConflict } from '@openlines/messaging';
import { LineData, OpenLinesError } from '@openlines/contracts';
import { OutboxKick } from '../../store/outbox-kick';
import { lineChangedEntry } from '../domain/line.events';
import { deletedLine } from '../domain/line.rules';
import { LineRepository } from '../persistence/line.repository';

/** What deleting a line must know of its channels. */
export interface LineChannelsPort {
  countConnected(lineId: string): Promise<number>;
}

/**
 * lines.lines.delete, a soft delete: `__deletedAt` is set and line.changed says so. A line whose
 * channels still take messages is not deleted (CONFLICT): they would feed a line that no longer
 * exists. Disconnect or delete them first. Deleting a deleted line replies with it unchanged.
 */
export class DeleteLineUseCase {
  constructor(
    private readonly lines: LineRepository,
    private readonly channels: LineChannelsPort,
    private readonly outbox: OutboxKick,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  execute(id: string): Promise<LineData> {
    return retryOnConflict(async () => {
      const now = this.clock();
      const before = await this.lines.getById(id);
      const after = deletedLine(before, now);
      if (after === null) return before;
      const connected = await this.channels.countConnected(id);
      if (connected > 0) {
        throw OpenLinesError.conflict(
          `line ${id} still has ${connected} connected channel(s): disconnect or delete them first`,
          {
            lineId: id,
            connectedChannels: connected,
          },
        );
      }
      const version = (before._version ?? 1) + 1;
      const stored = await this.lines.replace(before, after, [
        lineChangedEntry(before, after, version, now),
      ]);
      this.outbox.kick();
      return stored;
    });
  }
}
