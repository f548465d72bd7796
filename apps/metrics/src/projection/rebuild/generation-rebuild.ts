import { ErrorCode, MetricRebuildStatus, OpenLinesError } from '@openlines/contracts';
import { MetricsComponents } from '../../metrics.components';
import { EventLoopYielder } from '../generations/event-loop.yielder';
import { copyOtherLines } from '../generations/generation-collections';
import { ProjectionGenerations } from '../generations/projection-generations';
import { ProjectionControl } from '../projection.listener';
import { EventStreamReader, StoredEvent } from '../stream/event-stream.reader';

/**
 * Fills a fresh generation from the stream while the serving one goes on answering and the live
 * projection goes on writing into it, then switches.
 *
 * Invariant — no event lost, none counted twice: at the switch, the new generation holds every
 * event of the stream up to sequence `last`, and the live durable consumer has acked none after
 * `last`. The steps that give it:
 *  1. replay [1, cut], `cut` = the last sequence when the rebuild starts;
 *  2. catch up (cut, cut2] — what was published during step 1 — the live projection still running;
 *  3. pause the live projection (its stop() returns once the event in hand is done: it acks
 *     nothing more), read `last` = the last sequence now, catch up (cut2, last], switch, resume.
 * The ranges are contiguous, so the new generation misses nothing up to `last`. After the resume
 * the durable redelivers, into the new generation, everything it had not acked: events up to
 * `last` among them are recognised as duplicates (facts and target changes keep their event
 * ids), and nothing after `last` was in any generation yet.
 * A one-line rebuild replays that line's events only, and in step 3 copies the other lines from
 * the paused old generation: exactly what the durable had acked for them; the rest follows after
 * the resume as above. Events the live projection dead-lettered (invalid) are skipped here too.
 */
export class GenerationRebuild {
  private readonly yielder = new EventLoopYielder();

  constructor(
    private readonly generations: ProjectionGenerations,
    private readonly next: MetricsComponents,
    private readonly stream: EventStreamReader,
    private readonly live: ProjectionControl,
    /** Updated as it goes: what `rebuildStatus` answers. */
    private readonly status: MetricRebuildStatus,
    private readonly stopping: () => boolean,
  ) {}

  async run(): Promise<void> {
    const cut = await this.stream.lastSequence();
    await this.replay(1, cut);
    const cut2 = await this.stream.lastSequence();
    await this.replay(cut + 1, cut2);
    await this.live.pause();
    try {
      const last = await this.stream.lastSequence();
      await this.replay(cut2 + 1, last);
      const { lineId } = this.status;
      if (lineId !== undefined) await copyOtherLines(this.generations.current, this.next, lineId);
      const metricItems = await this.next.cells.count(
        lineId === undefined ? {} : { _line: lineId },
      );
      const outcome: MetricRebuildStatus = {
        ...this.status,
        state: 'done',
        metricItems,
        finishedAt: new Date().toISOString(),
      };
      await this.generations.switchTo(this.next, outcome);
      Object.assign(this.status, outcome);
    } finally {
      await this.live.resume();
    }
  }

  private async replay(fromSeq: number, toSeq: number): Promise<void> {
    if (fromSeq > toSeq) return;
    await this.stream.replay(fromSeq, toSeq, (event) => this.apply(event));
  }

  private async apply({ subject, data }: StoredEvent): Promise<void> {
    if (this.stopping())
      throw new OpenLinesError(ErrorCode.Unavailable, 'stopped: the service is shutting down');
    try {
      const outcome = await this.next.projectEvent.execute(subject, data, this.status.lineId);
      if (outcome !== 'ignored') this.status.eventsApplied += 1;
    } catch (error) {
      if (!(error instanceof OpenLinesError && error.code === ErrorCode.ValidationFailed))
        throw error;
    }
    this.status.eventsRead += 1;
    await this.yielder.tick();
  }
}
