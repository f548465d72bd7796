import { Consumer, JsMsg } from 'nats';
import { Logger, runWithoutCorrelation } from '@openlines/observability';
import { CONSUMER_DEFAULTS, DurableConsumerHandle, EventMeta } from './durable-consumer.types';
import { EventProcessor, Verdict } from './event-processor';
import { KeyedScheduler } from './keyed-scheduler';
import { SchedulerLimits } from './keyed-scheduler.types';
import { PreparedEvent } from './prepared-event';

export interface RunnerSettings<T> {
  durable: string;
  orderingKey?: (event: T, meta: EventMeta) => string;
  limits: SchedulerLimits;
  pull: { batchSize: number; expiresMs: number };
}

interface Held<T> {
  seq: number;
  key: string | undefined;
  prepared: PreparedEvent<T>;
}

/**
 * Pulls with `fetch` (one pull request at a time, each ending at its size or expiry) rather than
 * `consume`: a stopped `consume` leaves pull requests waiting on the server (nats-server 2.9 keeps
 * them until they expire), and events routed into them are stuck until ack_wait. Each pull asks
 * for no more than the scheduler has room for, so the runner never holds more than maxInFlight.
 * stop() lets the last pull run out, waits for the handlers at work and hands back (nak), in
 * stream order, whatever was not handled, so no pull outlives the runner and a restart resumes.
 */
export class ConsumerRunner<T> implements DurableConsumerHandle {
  readonly durable: string;
  private readonly scheduler: KeyedScheduler<Held<T>>;
  private stopping = false;
  private healthy = false;
  private loop: Promise<void> = Promise.resolve();
  private stopped?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly consumer: Consumer,
    private readonly processor: EventProcessor<T>,
    private readonly settings: RunnerSettings<T>,
    private readonly log: Logger,
    private readonly flush: () => Promise<void>,
  ) {
    this.durable = settings.durable;
    this.scheduler = new KeyedScheduler<Held<T>>(settings.limits, {
      run: (item) => this.handle(item),
      keepAlive: (item) => item.prepared.msg.working(),
      gaveUpWaiting: (key, seq) =>
        this.log.warn({ key, seq }, 'retried event did not come back in time: its key goes on'),
    });
  }

  start(): void {
    // The loop outlives whatever request started it; each message brings its own correlation id.
    this.loop = runWithoutCorrelation(() => this.run());
  }

  isRunning(): boolean {
    return this.healthy && !this.stopping;
  }

  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    this.scheduler.close();
    this.wake?.();
    await this.loop;
    await this.scheduler.drain();
    // What was pulled but not handled goes straight back for the next run, oldest first.
    for (const item of this.scheduler.takeWaiting()) item.prepared.msg.nak();
    // Acks and naks are fire-and-forget: make sure the server has them before we say "stopped".
    await this.flush().catch((error) => this.log.warn({ err: error }, 'flush after stop failed'));
    this.log.info('durable consumer stopped');
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const size = this.scheduler.pullSize(this.settings.pull.batchSize);
      if (size === 0) {
        await this.scheduler.whenChanged();
        continue;
      }
      try {
        const batch = await this.consumer.fetch({
          max_messages: size,
          expires: this.settings.pull.expiresMs,
        });
        this.healthy = true;
        for await (const msg of batch) this.scheduler.add(this.hold(msg));
      } catch (error) {
        this.healthy = false;
        this.log.error(
          { err: error, retryInMs: CONSUMER_DEFAULTS.restartDelayMs },
          'pulling from the consumer failed',
        );
        await this.pause(CONSUMER_DEFAULTS.restartDelayMs);
      }
    }
    this.healthy = false;
  }

  private hold(msg: JsMsg): Held<T> {
    const prepared = this.processor.prepare(msg);
    return { seq: msg.info.streamSequence, key: this.keyOf(prepared), prepared };
  }

  /** Only a valid event has a key; a key function that throws leaves its event unordered. */
  private keyOf(prepared: PreparedEvent<T>): string | undefined {
    const { orderingKey } = this.settings;
    if (orderingKey === undefined || prepared.kind !== 'event') return undefined;
    try {
      return orderingKey(prepared.event, prepared.meta);
    } catch (error) {
      this.log.warn(
        { err: error, seq: prepared.meta.streamSeq },
        'orderingKey failed: handling the event without ordering',
      );
      return undefined;
    }
  }

  private async handle(item: Held<T>): Promise<Verdict> {
    try {
      return await this.processor.process(item.prepared);
    } catch (error) {
      // The processor settles every message itself; should it ever throw, ack_wait brings it back.
      this.log.error({ err: error, seq: item.seq }, 'event processing broke');
      return { kind: 'settled' };
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
