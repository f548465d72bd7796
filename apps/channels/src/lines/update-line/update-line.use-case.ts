import { retryOnConflict } from '@openlines/messaging';
import { LineData } from '@openlines/contracts';
import { OutboxKick } from '../../store/outbox-kick';
import { lineChanges } from '../domain/line-changes.rules';
import { lineChangedEntry } from '../domain/line.events';
import { LineUpdateData, updatedLine } from '../domain/line.rules';
import { LineRepository } from '../persistence/line.repository';

/**
 * lines.lines.update: a partial update under the line's optimistic lock (re-read and re-applied
 * when another writer got there first). An update that changes nothing writes nothing and emits
 * no event.
 */
export class UpdateLineUseCase {
  constructor(
    private readonly lines: LineRepository,
    private readonly outbox: OutboxKick,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  execute(id: string, data: LineUpdateData): Promise<LineData> {
    return retryOnConflict(async () => {
      const now = this.clock();
      const before = await this.lines.getById(id);
      const after = updatedLine(before, data, now);
      if (lineChanges(before, after).length === 0) return before;
      const version = (before._version ?? 1) + 1;
      const stored = await this.lines.replace(before, after, [
        lineChangedEntry(before, after, version, now),
      ]);
      this.outbox.kick();
      return stored;
    });
  }
}
