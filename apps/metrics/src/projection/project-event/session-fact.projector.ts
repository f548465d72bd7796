import { LineMetricType } from '@openlines/contracts';
import {
  isWithinTarget,
  LineTargetHistory,
  targetAt,
} from '../../line-targets/domain/line-target.rules';
import { LineTargetRepository } from '../../line-targets/persistence/line-target.repository';
import { MetricItemsWriter } from '../../metric-items/metric-items.writer';
import { MeasurementDocument } from '../../metric-items/persistence/measurement.schema';
import { Contribution } from '../domain/contribution.rules';
import { applyFact, emptyProjection } from '../domain/session-projection.rules';
import { MappedSessionFact } from '../event-mapping/session-event.mapper';
import {
  ProjectionJournal,
  SessionProjectionDocument,
} from '../persistence/session-projection.schema';
import {
  SessionProjectionRepository,
  toProjection,
} from '../persistence/session-projection.repository';

export type ProjectOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies one session fact: the new projection state is saved together with a journal of the
 * item changes (one document, compare-and-set), then the items are written, then the journal is
 * cleared. A failure anywhere leaves either nothing or a journal, which the next touch of the
 * session (the redelivery, or start-up) completes — so a redelivered event never counts twice.
 */
export class SessionFactProjector {
  constructor(
    private readonly projections: SessionProjectionRepository,
    private readonly items: MetricItemsWriter,
    private readonly targets: LineTargetRepository,
  ) {}

  async project(mapped: MappedSessionFact): Promise<ProjectOutcome> {
    let stored = await this.projections.get(mapped.sessionId);
    if (stored?.journal !== undefined) {
      await this.complete(stored);
      stored = await this.projections.get(mapped.sessionId);
    }
    const current = stored === null ? emptyProjection(mapped.sessionId) : toProjection(stored);
    const result = applyFact(current, mapped.fact, mapped.placement);
    if (result.duplicate) return 'duplicate';
    const { added, removed } = result.delta;
    const journal: ProjectionJournal | undefined =
      added.length + removed.length === 0
        ? undefined
        : { eventId: mapped.fact.eventId, ...(await this.measured(added, removed)) };
    const saved = await this.projections.save(result.projection, journal, stored?._version);
    if (journal !== undefined) {
      await this.items.apply(journal.added, journal.removed);
      await this.projections.clearJournal(mapped.sessionId, saved._version);
    }
    return 'applied';
  }

  /** Completes every write a crash or failure interrupted (at start-up). */
  async completeInterrupted(): Promise<number> {
    const pending = await this.projections.withJournal();
    for (const doc of pending) await this.complete(doc);
    return pending.length;
  }

  private async complete(doc: SessionProjectionDocument): Promise<void> {
    const journal = doc.journal;
    if (journal === undefined) return;
    await this.items.redo(journal.added, journal.removed);
    await this.projections.clearJournal(doc.__id, doc._version);
  }

  /**
   * Contributions as stored measurements; first responses are judged against the line's target
   * in force when given (for a removed one this equals its stored flag: a target change re-judges
   * every stored first response).
   */
  private async measured(
    added: readonly Contribution[],
    removed: readonly Contribution[],
  ): Promise<{ added: MeasurementDocument[]; removed: MeasurementDocument[] }> {
    const histories = new Map<string, LineTargetHistory | undefined>();
    const toMeasurements = async (contributions: readonly Contribution[]) => {
      const measurements: MeasurementDocument[] = [];
      for (const c of contributions) measurements.push(await this.measurement(c, histories));
      return measurements;
    };
    return { added: await toMeasurements(added), removed: await toMeasurements(removed) };
  }

  private async measurement(
    c: Contribution,
    histories: Map<string, LineTargetHistory | undefined>,
  ): Promise<MeasurementDocument> {
    const m: MeasurementDocument = {
      __id: c.id,
      session: c.session,
      type: c.type,
      line: c.line,
      at: c.at,
      value: c.value,
    };
    if (c.channel !== undefined) m.channel = c.channel;
    if (c.operator !== undefined) m.operator = c.operator;
    if (c.type === LineMetricType.firstResponseTime) {
      if (!histories.has(c.line)) histories.set(c.line, await this.targets.get(c.line));
      m.within = isWithinTarget(c.value, targetAt(histories.get(c.line), c.at));
    }
    return m;
  }
}
