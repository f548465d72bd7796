import { NatsConnection, nanos } from 'nats';
import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { connectSpecNats, specLogger, uniqueName } from '../../test/support/spec-nats';
import { ensureEventStreams } from '../streams/event-streams';
import { ConsumerSettings, ensureDurableConsumer } from './consumer-setup';

describe('ensureDurableConsumer', () => {
  let nc: NatsConnection;
  const durable = uniqueName('setup');

  beforeAll(async () => {
    nc = await connectSpecNats();
    await ensureEventStreams(nc);
  });

  afterAll(async () => {
    await (
      await nc.jetstreamManager()
    ).consumers
      .delete(LINES_EVENTS_STREAM, durable)
      .catch(() => undefined);
    await nc.drain();
  });

  const settings = (overrides: Partial<ConsumerSettings> = {}): ConsumerSettings => ({
    stream: LINES_EVENTS_STREAM,
    durable,
    filterSubjects: [`lines.events.${durable}.>`],
    deliverPolicy: 'all',
    ackWaitMs: 30_000,
    maxAckPending: 1000,
    ...overrides,
  });

  it('creates the durable once and accepts the same settings again', async () => {
    const jsm = await nc.jetstreamManager();
    await ensureDurableConsumer(nc, jsm, settings(), specLogger);
    await ensureDurableConsumer(nc, jsm, settings(), specLogger);
    const info = await jsm.consumers.info(LINES_EVENTS_STREAM, durable);
    expect(info.config).toMatchObject({
      durable_name: durable,
      filter_subject: `lines.events.${durable}.>`,
      ack_policy: 'explicit',
      max_deliver: -1,
      ack_wait: nanos(30_000),
    });
  });

  it('updates the settings of an existing durable', async () => {
    const jsm = await nc.jetstreamManager();
    await ensureDurableConsumer(
      nc,
      jsm,
      settings({ ackWaitMs: 45_000, maxAckPending: 2000 }),
      specLogger,
    );
    const info = await jsm.consumers.info(LINES_EVENTS_STREAM, durable);
    expect(info.config.ack_wait).toBe(nanos(45_000));
    expect(info.config.max_ack_pending).toBe(2000);
  });

  it('refuses a durable name NATS would reject, saying why', async () => {
    const jsm = await nc.jetstreamManager();
    await expect(
      ensureDurableConsumer(nc, jsm, settings({ durable: 'metrics.sessions' }), specLogger),
    ).rejects.toThrow(
      'invalid durable name "metrics.sessions": use letters, digits, _ or - (no dots, wildcards or spaces)',
    );
    await expect(
      ensureDurableConsumer(nc, jsm, settings({ filterSubjects: [] }), specLogger),
    ).rejects.toThrow(/has no filter subject/);
  });
});
