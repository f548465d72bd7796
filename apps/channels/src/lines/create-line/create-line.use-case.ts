import { randomUUID } from 'node:crypto';
import { LineData } from '@openlines/contracts';
import { OutboxKick } from '../../store/outbox-kick';
import { lineChangedEntry } from '../domain/line.events';
import { NewLineInput, newLine } from '../domain/line.rules';
import { LineRepository } from '../persistence/line.repository';

/** lines.lines.create: stores the line and its line.changed event together. */
export class CreateLineUseCase {
  constructor(
    private readonly lines: LineRepository,
    private readonly outbox: OutboxKick,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(input: NewLineInput): Promise<LineData> {
    const now = this.clock();
    const line = newLine(input, randomUUID(), now);
    const stored = await this.lines.insert(line, [lineChangedEntry(undefined, line, 1, now)]);
    this.outbox.kick();
    return stored;
  }
}
