import { randomUUID } from 'node:crypto';
import { MetricRebuildStatus, OpenLinesError } from '@openlines/contracts';
import { Logger } from '@openlines/observability';
import { MetricsComponents } from '../../metrics.components';
import { ProjectionGenerations } from '../generations/projection-generations';
import { ProjectionControl } from '../projection.listener';
import { EventStreamReader } from '../stream/event-stream.reader';
import { GenerationRebuild } from './generation-rebuild';

/** How many finished rebuilds `status` still knows by id (the latest is also kept in the store). */
const KEPT = 20;

/**
 * `lines.metrics.rebuild` and `rebuildStatus`: a rebuild replays the event stream (all of it, or
 * one line's events) into a new generation in the background (GenerationRebuild) and the call
 * answers at once with its id and state `running`; reports answer from the serving generation
 * until the switch. One rebuild at a time: another call meanwhile gets CONFLICT naming the
 * running one in `details.rebuildId` (rather than its status, so that a caller never mistakes
 * someone else's rebuild, perhaps of another line, for its own). A failed rebuild leaves the
 * serving generation as it was and clears its own. `eventsApplied` counts the events of the
 * scope that carry metric facts (bot/system messages and changes of untracked fields carry none).
 */
export class RebuildMetricsUseCase {
  private active?: { status: MetricRebuildStatus; done: Promise<void> };
  private stopping = false;
  private readonly known = new Map<string, MetricRebuildStatus>();

  constructor(
    private readonly generations: ProjectionGenerations,
    private readonly stream: EventStreamReader,
    private readonly live: ProjectionControl,
    private readonly logger: Logger,
  ) {}

  start(lineId?: string): MetricRebuildStatus {
    // TODO(identity): require an admin principal here once the identity issue lands — a rebuild
    // replays the whole stream and is no business of operators or API clients.
    if (this.active !== undefined) {
      const { rebuildId } = this.active.status;
      throw OpenLinesError.conflict(`metrics rebuild ${rebuildId} is already running`, {
        rebuildId,
      });
    }
    const status: MetricRebuildStatus = {
      rebuildId: randomUUID(),
      state: 'running',
      ...(lineId === undefined ? {} : { lineId }),
      eventsRead: 0,
      eventsApplied: 0,
      startedAt: new Date().toISOString(),
    };
    this.remember(status);
    const done = this.run(status).finally(() => (this.active = undefined));
    this.active = { status, done };
    return { ...status };
  }

  /** A rebuild by id, or the latest; NOT_FOUND for none (ids are kept for the last few only). */
  async status(rebuildId?: string): Promise<MetricRebuildStatus> {
    const known =
      rebuildId === undefined ? [...this.known.values()].at(-1) : this.known.get(rebuildId);
    const found = known ?? (await this.generations.state.get())?.lastRebuild;
    if (found === undefined || (rebuildId !== undefined && found.rebuildId !== rebuildId))
      throw OpenLinesError.notFound('metrics rebuild', rebuildId ?? 'latest');
    return { ...found };
  }

  /** On shutdown: the rebuild stops at its next event; the next start clears its generation. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.active?.done;
    await this.generations.settled();
  }

  private async run(status: MetricRebuildStatus): Promise<void> {
    let next: MetricsComponents | undefined;
    try {
      next = await this.generations.begin({ ...status });
      await new GenerationRebuild(
        this.generations,
        next,
        this.stream,
        this.live,
        status,
        () => this.stopping,
      ).run();
      this.logger.info({ ...status }, 'metrics rebuild done: the new generation serves');
    } catch (error) {
      if (status.state === 'done') {
        this.logger.error(
          { err: error },
          'metrics rebuild switched, but the live projection did not resume',
        );
        return;
      }
      Object.assign(status, {
        state: 'failed',
        finishedAt: new Date().toISOString(),
        // Our errors say what went wrong; anything else stays in the log.
        error:
          error instanceof OpenLinesError
            ? error.message
            : 'internal error (see the metrics service log)',
      });
      this.logger.error(
        { err: error, ...status },
        'metrics rebuild failed: the previous generation serves',
      );
      if (next !== undefined && !this.stopping)
        await this.generations
          .abandon(next, { ...status })
          .catch((e: unknown) =>
            this.logger.error({ err: e }, 'clearing the failed metrics generation failed'),
          );
    }
  }

  private remember(status: MetricRebuildStatus): void {
    this.known.set(status.rebuildId, status);
    for (const id of this.known.keys()) if (this.known.size > KEPT) this.known.delete(id);
  }
}
