import { randomBytes } from 'node:crypto';
import {
  EVENT_STREAM_SETTINGS,
  EventPublisher,
  NatsConnection,
  ensureStreams,
} from '@openlines/messaging';
import { percentile } from './bench-stats';

const STREAM = 'BENCH_BUS';
const SUBJECT = 'bench.bus.event';

export interface BusResult {
  /** Acked publishes per second with `window` publishes in flight. */
  windowed: number;
  /** Acked publishes per second one at a time, and the ack latency then. */
  serial: number;
  serialP50: number;
  serialP99: number;
}

/**
 * The raw bus under the system: JetStream publishes acknowledged per second on a stream with the
 * events stream's settings (file storage, duplicate window, so a Nats-Msg-Id per publish as our
 * EventPublisher sends), `payloadBytes` of JSON each. The stream is removed afterwards.
 */
export async function measureBus(
  nc: NatsConnection,
  options: { windowedCount: number; serialCount: number; window: number; payloadBytes: number },
): Promise<BusResult> {
  await ensureStreams(nc, [{ ...EVENT_STREAM_SETTINGS[0], name: STREAM, subjects: [SUBJECT] }]);
  const publisher = new EventPublisher(nc);
  const padding = 'x'.repeat(Math.max(0, options.payloadBytes - 60));
  const tag = randomBytes(4).toString('hex');
  let sequence = 0;
  const publish = () =>
    publisher.publish(SUBJECT, { eventId: `${tag}-${(sequence += 1)}`, padding });
  try {
    for (let i = 0; i < 200; i += 1) await publish();
    let next = 0;
    let started = performance.now();
    const worker = async () => {
      while (next++ < options.windowedCount) await publish();
    };
    await Promise.all(Array.from({ length: options.window }, worker));
    const windowed = (options.windowedCount / (performance.now() - started)) * 1000;
    const latencies: number[] = [];
    started = performance.now();
    for (let i = 0; i < options.serialCount; i += 1) {
      const at = performance.now();
      await publish();
      latencies.push(performance.now() - at);
    }
    const serial = (options.serialCount / (performance.now() - started)) * 1000;
    return {
      windowed,
      serial,
      serialP50: percentile(latencies, 0.5),
      serialP99: percentile(latencies, 0.99),
    };
  } finally {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(STREAM).catch(() => undefined);
  }
}
