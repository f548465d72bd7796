import { ErrorCode, MetricRebuildReply, OpenLinesError } from '@openlines/contracts';
import { MetricsComponents } from '../../metrics.components';
import { EventStreamReader } from '../stream/event-stream.reader';

export interface PauseResume {
  pause(): Promise<void>;
  resume(): Promise<void>;
}

/**
 * `lines.metrics.rebuild`: stops the live projection, drops the projection (all of it, or one
 * line's), replays the event stream from its first event to the last one present now, and starts
 * the live projection again — which then skips what the replay already applied (event ids are
 * remembered). The figures equal those of the live projection because the fold depends only on
 * the events, not on their arrival order. Malformed events are skipped (the live consumer has
 * dead-lettered them). One rebuild at a time: a second call gets CONFLICT. `eventsReplayed`
 * counts the events of the scope that carry metric facts (bot/system messages and changes of
 * untracked fields carry none).
 */
export class RebuildMetricsUseCase {
  private running = false;

  constructor(
    private readonly components: MetricsComponents,
    private readonly stream: EventStreamReader,
    private readonly live: PauseResume,
  ) {}

  async execute(lineId?: string): Promise<MetricRebuildReply> {
    if (this.running) throw OpenLinesError.conflict('a metrics rebuild is already running');
    this.running = true;
    await this.live.pause();
    try {
      const { projections, measurements, cells, targets, projectEvent } = this.components;
      await projections.deleteOfLine(lineId);
      await measurements.deleteOfLine(lineId);
      await cells.deleteOfLine(lineId);
      await targets.deleteOfLine(lineId);
      let eventsReplayed = 0;
      await this.stream.replay(async (subject, data) => {
        try {
          if ((await projectEvent.execute(subject, data, lineId)) !== 'ignored')
            eventsReplayed += 1;
        } catch (error) {
          if (!(error instanceof OpenLinesError && error.code === ErrorCode.ValidationFailed))
            throw error;
        }
      });
      const metricItems = await cells.count(lineId === undefined ? {} : { _line: lineId });
      return { eventsReplayed, metricItems };
    } finally {
      this.running = false;
      await this.live.resume();
    }
  }
}
