import { Consumer } from 'nats';
import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { Logger, runWithoutCorrelation } from '@openlines/observability';
import { ensureDurableConsumer } from './consumer-setup';
import {
  CONSUMER_DEFAULTS,
  DurableConsumerHandle,
  DurableConsumerOptions,
} from './durable-consumer.types';
import { EventProcessor } from './event-processor';

/**
 * Starts a durable JetStream consumer (pull, explicit ack) and processes its events one at a
 * time, in stream order; a failed event is retried after its back-off, behind later ones. See
 * DurableConsumerOptions for retry and dead-letter behaviour.
 */
export async function startDurableConsumer<T = unknown>(
  options: DurableConsumerOptions<T>,
): Promise<DurableConsumerHandle> {
  const stream = options.stream ?? LINES_EVENTS_STREAM;
  const ackWaitMs = options.ackWaitMs ?? CONSUMER_DEFAULTS.ackWaitMs;
  const maxDeliver = options.maxDeliver ?? CONSUMER_DEFAULTS.maxDeliver;
  const batchSize = options.batchSize ?? CONSUMER_DEFAULTS.batchSize;
  if (!Number.isInteger(maxDeliver) || maxDeliver < 1)
    throw new Error('maxDeliver must be a positive integer');
  const log = options.logger.child({ consumer: options.durable, stream });
  const jsm = await options.nc.jetstreamManager();
  const setup = await ensureDurableConsumer(
    options.nc,
    jsm,
    {
      stream,
      durable: options.durable,
      filterSubjects: options.filterSubjects,
      deliverPolicy: options.deliverPolicy ?? CONSUMER_DEFAULTS.deliverPolicy,
      ackWaitMs,
      maxAckPending: Math.max(1000, batchSize * 2),
    },
    log,
  );
  const js = options.nc.jetstream();
  const consumer = await js.consumers.get(stream, options.durable);
  const processor = new EventProcessor<T>(
    js,
    {
      stream,
      durable: options.durable,
      handle: options.handle,
      parse: options.parse ?? ((data) => data as T),
      maxDeliver,
      backoffMs: options.backoffMs ?? CONSUMER_DEFAULTS.backoffMs,
      ackWaitMs,
      clientSideFilter: setup.clientSideFilter,
    },
    log,
  );
  const pull = { batchSize, expiresMs: options.pullExpiresMs ?? CONSUMER_DEFAULTS.pullExpiresMs };
  const runner = new ConsumerRunner(options.durable, consumer, processor, pull, log, () =>
    options.nc.flush(),
  );
  runner.start();
  log.info({ filterSubjects: options.filterSubjects, maxDeliver }, 'durable consumer started');
  return runner;
}

/**
 * Pulls with `fetch` (one pull request at a time, each ending at batch size or expiry) rather
 * than `consume`: a stopped `consume` leaves pull requests waiting on the server (nats-server 2.9
 * keeps them until they expire), and events routed into them are stuck until ack_wait.
 * Here stop() lets the last pull run out, handing back (nak) whatever it still brings, so no pull
 * outlives the runner and a restart resumes at once.
 */
class ConsumerRunner<T> implements DurableConsumerHandle {
  private stopping = false;
  private healthy = false;
  private loop: Promise<void> = Promise.resolve();
  private wake?: () => void;

  constructor(
    readonly durable: string,
    private readonly consumer: Consumer,
    private readonly processor: EventProcessor<T>,
    private readonly pull: { batchSize: number; expiresMs: number },
    private readonly log: Logger,
    private readonly flush: () => Promise<void>,
  ) {}

  start(): void {
    // The loop outlives whatever request started it; each message brings its own correlation id.
    this.loop = runWithoutCorrelation(() => this.run());
  }

  isRunning(): boolean {
    return this.healthy && !this.stopping;
  }

  async stop(): Promise<void> {
    if (this.stopping) return this.loop;
    this.stopping = true;
    this.wake?.();
    await this.loop;
    // Acks and naks are fire-and-forget: make sure the server has them before we say "stopped".
    await this.flush().catch((error) => this.log.warn({ err: error }, 'flush after stop failed'));
    this.log.info('durable consumer stopped');
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const batch = await this.consumer.fetch({
          max_messages: this.pull.batchSize,
          expires: this.pull.expiresMs,
        });
        this.healthy = true;
        for await (const msg of batch) {
          // Once stopping, what the last pull still brings goes straight back for the next run.
          if (this.stopping) msg.nak();
          else await this.processor.process(msg);
        }
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
