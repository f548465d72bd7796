import { MetricRebuildStatus } from '@openlines/contracts';
import { DocumentStore } from '@openlines/persistence';
import { PROJECTOR_STATE_ID, ProjectorStateDocument } from './session-projection.schema';

/** The projector's bookkeeping document (see ProjectorStateDocument): one upserted record. */
export class ProjectorStateRepository {
  constructor(private readonly store: DocumentStore<ProjectorStateDocument>) {}

  get(): Promise<ProjectorStateDocument | null> {
    return this.store.findOne({ __id: PROJECTOR_STATE_ID });
  }

  /** Whether this store holds a projection at all (false: new, or a memory store after a restart). */
  async isInitialized(): Promise<boolean> {
    return (await this.get()) !== null;
  }

  async markInitialized(now: Date): Promise<void> {
    await this.store.updateOne(
      { __id: PROJECTOR_STATE_ID },
      { $setOnInsert: { initializedAt: now.toISOString() } },
      { upsert: true },
    );
  }

  /** Written before the first write into `generation`, so that a crash leaves a trace to clear. */
  async markRebuilding(generation: number, status: MetricRebuildStatus, now: Date): Promise<void> {
    await this.store.updateOne(
      { __id: PROJECTOR_STATE_ID },
      {
        $set: { rebuilding: plain({ generation, status }) },
        $setOnInsert: { initializedAt: now.toISOString() },
      },
      { upsert: true },
    );
  }

  /** The switch: `generation` answers from now on (one document update: atomic). */
  async switchTo(generation: number, outcome: MetricRebuildStatus): Promise<void> {
    await this.store.updateOne(
      { __id: PROJECTOR_STATE_ID },
      { $set: { generation, lastRebuild: plain(outcome) }, $unset: { rebuilding: '' } },
    );
  }

  /** The rebuilding generation is given up (failed, or found after a crash); the live one stays. */
  async abandonRebuild(outcome: MetricRebuildStatus): Promise<void> {
    await this.store.updateOne(
      { __id: PROJECTOR_STATE_ID },
      { $set: { lastRebuild: plain(outcome) }, $unset: { rebuilding: '' } },
    );
  }
}

/** Optional fields stay absent (MongoDB would store `undefined` as null). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
