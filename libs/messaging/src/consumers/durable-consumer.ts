import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { ensureDurableConsumer } from './consumer-setup';
import { ConsumerRunner } from './consumer-runner';
import {
  CONSUMER_DEFAULTS,
  DurableConsumerHandle,
  DurableConsumerOptions,
} from './durable-consumer.types';
import { EventProcessor } from './event-processor';

/**
 * Starts a durable JetStream consumer (pull, explicit ack). By default it processes its events one
 * at a time, in stream order, and a failed event is retried after its back-off, behind later ones.
 * With `concurrency` and `orderingKey`, events of one key keep that order (a retry holds back its
 * own key only) while different keys run in parallel. See DurableConsumerOptions.
 */
export async function startDurableConsumer<T = unknown>(
  options: DurableConsumerOptions<T>,
): Promise<DurableConsumerHandle> {
  const stream = options.stream ?? LINES_EVENTS_STREAM;
  const ackWaitMs = options.ackWaitMs ?? CONSUMER_DEFAULTS.ackWaitMs;
  const maxDeliver = options.maxDeliver ?? CONSUMER_DEFAULTS.maxDeliver;
  const batchSize = options.batchSize ?? CONSUMER_DEFAULTS.batchSize;
  const concurrency = options.concurrency ?? CONSUMER_DEFAULTS.concurrency;
  const maxInFlight = options.maxInFlight ?? Math.max(batchSize, concurrency);
  for (const [name, value] of Object.entries({ maxDeliver, batchSize, concurrency, maxInFlight })) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a positive integer`);
  }
  if (maxInFlight < concurrency)
    throw new Error(`maxInFlight (${maxInFlight}) must be at least concurrency (${concurrency})`);
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
      // Never the limit of one runner (replicas share the durable), only a backstop above it.
      maxAckPending: Math.max(1000, batchSize * 2, maxInFlight * 2),
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
  const expiresMs = options.pullExpiresMs ?? CONSUMER_DEFAULTS.pullExpiresMs;
  const settings = {
    durable: options.durable,
    orderingKey: options.orderingKey,
    pull: { batchSize, expiresMs },
    limits: {
      concurrency,
      maxInFlight,
      // Waiting messages are kept alive, so ack_wait need not cover the time they queue.
      keepAliveMs: Math.max(ackWaitMs / 2, 100),
      redeliveryGraceMs: Math.max(ackWaitMs, 5 * expiresMs),
    },
  };
  const runner = new ConsumerRunner(consumer, processor, settings, log, () => options.nc.flush());
  runner.start();
  log.info(
    { filterSubjects: options.filterSubjects, maxDeliver, concurrency, maxInFlight },
    'durable consumer started',
  );
  return runner;
}
