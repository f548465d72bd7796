import { randomUUID } from 'node:crypto';
import { LinesEvents } from '@openlines/contracts';
import { encodeJson } from '@openlines/messaging';
import { RunningNatsServer, startNatsServer, uniqueName, waitFor } from '@openlines/testing';
import { API_KEY, GatewayUnderTest, startGateway } from './gateway-harness';
import { rawSseClient, readingSseClient } from './support/sse-clients';

const LIMIT_BYTES = 64 * 1024;
/** ~80 MB of events: far more than the kernel's socket buffers between the two ends hold. */
const MAX_EVENTS = 20_000;

describe('gateway: SSE streams respect back-pressure', () => {
  // A server of this spec alone: the flood of events stays off the one other specs share.
  let nats: RunningNatsServer;
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    nats = await startNatsServer({ storePrefix: 'gateway-sse-' });
    process.env.NATS_URL = nats.url;
    gw = await startGateway({ sseClientBufferBytes: LIMIT_BYTES });
  });
  afterAll(async () => {
    await gw?.close();
    await nats?.stop();
  });

  /** A stalled raw client (opened first) and a fetch client that reads, on one line. */
  async function openClients(lineId: string) {
    await waitFor(() => gw.openStreams() === 0, { what: 'earlier streams released' });
    const stalled = rawSseClient(gw.url, `/v1/events?lineId=${lineId}`, API_KEY);
    await waitFor(() => gw.openStreams() === 1, { what: 'the stalled stream open' });
    const [{ clientId }] = gw.sseQueues();
    const reader = readingSseClient(await gw.call(`/v1/events?lineId=${lineId}`));
    return { stalled, stalledId: clientId, reader };
  }

  /** Publishes `count` events of 4 KB on real NATS; returns their ids. */
  function publishBatch(lineId: string, count: number): string[] {
    return Array.from({ length: count }, () => {
      const event = { eventId: randomUUID(), lineId, sessionId: 's-1', padding: 'x'.repeat(4096) };
      gw.backend.nc.publish(LinesEvents.session.changed, encodeJson(event));
      return event.eventId;
    });
  }

  /**
   * Publishes batches until `done()`; after each batch it waits until the reading client has the
   * batch's last event, so the gateway has fanned all of it out. Returns the ids, in order.
   */
  async function publishUntil(
    lineId: string,
    reader: { hasId(id: string): boolean },
    batch: number,
    done: () => boolean,
  ): Promise<string[]> {
    const ids: string[] = [];
    while (!done() && ids.length < MAX_EVENTS) {
      ids.push(...publishBatch(lineId, batch));
      const last = ids[ids.length - 1];
      await waitFor(() => reader.hasId(last), {
        what: `event ${ids.length} read`,
        timeoutMs: 20_000,
      });
    }
    return ids;
  }

  it('drops a client that stopped reading, within its bound, and keeps serving the others', async () => {
    const lineId = uniqueName('line');
    const { stalled, stalledId, reader } = await openClients(lineId);
    let peak = 0;
    await publishUntil(lineId, reader, 100, () => {
      for (const queue of gw.sseQueues()) peak = Math.max(peak, queue.peakQueuedBytes);
      return gw.openStreams() < 2;
    });
    expect(gw.openStreams()).toBe(1);
    expect(gw.sseQueues().map((queue) => queue.clientId)).not.toContain(stalledId);
    expect(peak).toBeLessThanOrEqual(LIMIT_BYTES);

    // The reader still gets what is published now.
    const [marker] = publishBatch(lineId, 1);
    await waitFor(() => reader.hasId(marker), { what: 'the reader gets later events' });

    // The stalled client, once it reads again, finds `event: dropped` last and the stream closed.
    stalled.resume();
    await waitFor(stalled.ended, { what: 'the dropped stream ends', timeoutMs: 20_000 });
    const last = stalled.lastFrame();
    expect(last.event).toBe('dropped');
    expect(last.data).toMatchObject({ clientId: stalledId, limitBytes: LIMIT_BYTES });
    expect(Number(last.data.queuedBytes)).toBeLessThanOrEqual(LIMIT_BYTES);
    await reader.cancel();
  });

  it('queues for a client that falls behind less than the bound, and loses nothing', async () => {
    const lineId = uniqueName('line');
    const { stalled, stalledId, reader } = await openClients(lineId);
    const queued = () => gw.sseQueues().find((queue) => queue.clientId === stalledId);
    // Small batches: the first one that meets a full socket leaves the client well inside the bound.
    const ids = await publishUntil(lineId, reader, 5, () => (queued()?.queuedBytes ?? 0) > 0);
    expect(queued()?.queuedBytes).toBeGreaterThan(0);

    stalled.resume();
    await waitFor(() => stalled.ids.length >= ids.length, { what: 'the slow client caught up' });
    expect(stalled.ids).toEqual(ids);
    expect(queued()).toMatchObject({ queuedBytes: 0 });
    stalled.close();
    await reader.cancel();
  });
});
