import { LineChangedPayload } from '@openlines/contracts';
import { cellIdOf, cellKeysOf } from '../../metric-items/domain/metric-cell.rules';
import { MeasurementRepository } from '../../metric-items/persistence/measurement.repository';
import { MetricCellRepository } from '../../metric-items/persistence/metric-cell.repository';
import {
  isWithinTarget,
  LineTargetHistory,
  recordTargetChange,
  TargetChange,
  targetAt,
} from '../domain/line-target.rules';
import { LineTargetRepository } from '../persistence/line-target.repository';

export type LineChangeOutcome = 'applied' | 'duplicate' | 'ignored';

/** The target change a line.changed event carries (every line event says the current target). */
export function targetChangeOf(payload: LineChangedPayload): TargetChange {
  const target = payload.line._targetReplySeconds;
  const change = payload.changes.find((c) => c.field === '_targetReplySeconds');
  const previous =
    change === undefined
      ? target
      : typeof change.oldValue === 'number'
        ? change.oldValue
        : undefined;
  const result: TargetChange = {
    eventId: payload.eventId,
    at: Date.parse(payload.occurredAt),
    target,
  };
  if (previous !== undefined) result.previous = previous;
  return result;
}

/**
 * Follows a line's first-response target. When it changes, first responses already counted are
 * judged again against the target in force when they were given (a late event moves no figure
 * of another moment), and the items' within-target counts follow. A redelivered change
 * recomputes the line's within-target counts from the measurements, completing a write that a
 * failure may have cut short.
 */
export class ApplyLineChangeUseCase {
  constructor(
    private readonly targets: LineTargetRepository,
    private readonly measurements: MeasurementRepository,
    private readonly cells: MetricCellRepository,
  ) {}

  async execute(payload: LineChangedPayload): Promise<LineChangeOutcome> {
    const change = targetChangeOf(payload);
    const history = (await this.targets.get(payload.lineId)) ?? {
      lineId: payload.lineId,
      changes: [],
    };
    if (history.changes.some((c) => c.eventId === change.eventId)) {
      await this.rejudge(history, true);
      return 'duplicate';
    }
    const next = recordTargetChange(history, change);
    if (next === null) return 'ignored';
    await this.targets.save(next);
    await this.rejudge(next, false);
    return 'applied';
  }

  private async rejudge(history: LineTargetHistory, everyCell: boolean): Promise<void> {
    const responses = await this.measurements.firstResponsesOf(history.lineId);
    const touched = new Set<string>();
    for (const m of responses) {
      const within = isWithinTarget(m.value, targetAt(history, m.at));
      if (within === (m.within === true) && !everyCell) continue;
      if (within !== (m.within === true)) await this.measurements.setWithin(m.__id, within);
      m.within = within;
      cellKeysOf(m).forEach((key) => touched.add(cellIdOf(key)));
    }
    const counts = new Map<string, number>([...touched].map((id) => [id, 0]));
    for (const m of responses) {
      if (m.within !== true) continue;
      for (const key of cellKeysOf(m)) {
        const id = cellIdOf(key);
        if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    for (const [id, within] of counts) await this.cells.setWithin(id, within);
  }
}
