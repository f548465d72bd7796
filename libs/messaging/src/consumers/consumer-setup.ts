import {
  AckPolicy,
  ConsumerConfig,
  DeliverPolicy,
  JetStreamManager,
  NatsConnection,
  NatsError,
  nanos,
} from 'nats';
import type { Logger } from '@openlines/observability';

export interface ConsumerSettings {
  stream: string;
  durable: string;
  filterSubjects: readonly string[];
  deliverPolicy: 'all' | 'new';
  ackWaitMs: number;
  maxAckPending: number;
}

export interface ConsumerSetup {
  /**
   * Set when the server cannot filter on several subjects (before 2.10): the consumer then reads
   * the whole stream and the client skips (acks) messages outside these subjects.
   */
  clientSideFilter?: readonly string[];
}

const DURABLE_NAME = /^[A-Za-z0-9_-]+$/;

export function assertDurableName(durable: string): void {
  if (!DURABLE_NAME.test(durable)) {
    throw new Error(
      `invalid durable name "${durable}": use letters, digits, _ or - (no dots, wildcards or spaces)`,
    );
  }
}

function supportsMultipleFilters(nc: NatsConnection): boolean {
  const [major = 0, minor = 0] = (nc.info?.version ?? '0.0.0').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 10);
}

/**
 * Creates the durable pull consumer, or updates it when its settings changed. Redelivery is ours
 * (nak with back-off, dead letter after N tries), so the server's max_deliver stays unlimited:
 * the server never drops a message silently.
 */
export async function ensureDurableConsumer(
  nc: NatsConnection,
  jsm: JetStreamManager,
  settings: ConsumerSettings,
  logger: Logger,
): Promise<ConsumerSetup> {
  assertDurableName(settings.durable);
  if (settings.filterSubjects.length === 0)
    throw new Error(`consumer ${settings.durable} has no filter subject`);
  const setup: ConsumerSetup = {};
  const filter: Partial<ConsumerConfig> = {};
  if (settings.filterSubjects.length === 1) filter.filter_subject = settings.filterSubjects[0];
  else if (supportsMultipleFilters(nc)) filter.filter_subjects = [...settings.filterSubjects];
  else {
    setup.clientSideFilter = settings.filterSubjects;
    logger.info(
      {
        durable: settings.durable,
        server: nc.info?.version,
        filterSubjects: settings.filterSubjects,
      },
      'server filters one subject only: reading the whole stream and filtering in the client',
    );
  }
  const updatable: Partial<ConsumerConfig> = {
    ...filter,
    ack_wait: nanos(settings.ackWaitMs),
    max_deliver: -1,
    max_ack_pending: settings.maxAckPending,
  };
  const config: Partial<ConsumerConfig> = {
    ...updatable,
    durable_name: settings.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: settings.deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
  };
  try {
    await jsm.consumers.add(settings.stream, config);
  } catch (error) {
    if (!(error instanceof NatsError) || error.api_error === undefined) throw error;
    try {
      await jsm.consumers.update(settings.stream, settings.durable, updatable);
      logger.info(
        { durable: settings.durable },
        'updated the settings of an existing durable consumer',
      );
    } catch (updateError) {
      throw new Error(
        `durable consumer ${settings.durable} on ${settings.stream} exists with settings that cannot be ` +
          `changed (${error.message}; ${(updateError as Error).message}): delete it or use a new durable name`,
      );
    }
  }
  return setup;
}
