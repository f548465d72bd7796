import { randomUUID } from 'node:crypto';
import { LinesEvents, LineSessionState } from '@openlines/contracts';
import { EventPublisher } from '@openlines/messaging';
import { uniqueName, waitFor } from '@openlines/testing';
import { ErrorJson, GatewayUnderTest, jsonOf, startGateway } from './gateway-harness';

interface Frame {
  event: string;
  id: string;
  data: { lineId: string; sessionId: string };
}

/** Reads SSE frames from a response until `enough` says so, or fails at the deadline. */
async function readFrames(
  response: Response,
  enough: (frames: Frame[]) => boolean,
  timeoutMs = 5000,
) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffer = '';
  const deadline = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (!enough(frames)) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`stream ended after ${frames.length} frames`);
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((line) => !line.startsWith(':'))
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
        );
        if (fields.event)
          frames.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data) });
        end = buffer.indexOf('\n\n');
      }
    }
    return frames;
  } finally {
    clearTimeout(deadline);
    await reader.cancel().catch(() => undefined);
  }
}

function changed(lineId: string, sessionId: string) {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    sessionId,
    lineId,
    channelId: 'ch-1',
    version: 2,
    changes: [
      { field: '_state', oldValue: LineSessionState.Waiting, newValue: LineSessionState.Closed },
    ],
    actor: { type: 'system' },
  };
}

function reassigned(lineId: string, sessionId: string) {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    sessionId,
    lineId,
    version: 3,
    from: {},
    to: { userId: 'u-1' },
    reason: 'routing',
    actor: { type: 'system' },
  };
}

describe('gateway: live events as Server-Sent Events', () => {
  let gw: GatewayUnderTest;
  let publisher: EventPublisher;

  beforeAll(async () => {
    gw = await startGateway();
    publisher = new EventPublisher(gw.backend.nc);
  });
  afterAll(() => gw?.close());

  it('streams the events of the requested line and types only, with their ids', async () => {
    const line = uniqueName('line');
    const other = uniqueName('line');
    const response = await gw.call(
      `/v1/events?lineId=${line}&types=SessionChanged,SessionReassigned`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');

    const skipped = changed(other, 's-0');
    const first = changed(line, 's-1');
    const second = reassigned(line, 's-1');
    await publisher.publish(LinesEvents.session.changed, skipped);
    await publisher.publish(LinesEvents.session.closed, { ...first, eventId: randomUUID() });
    await publisher.publish(LinesEvents.session.changed, first);
    await publisher.publish(LinesEvents.session.reassigned, second);

    const frames = await readFrames(response, (got) => got.length >= 2);
    expect(frames.map((f) => [f.event, f.id])).toEqual([
      ['SessionChanged', first.eventId],
      ['SessionReassigned', second.eventId],
    ]);
    expect(frames[0].data).toEqual(first);
  });

  it('filters by session and stops delivering to a closed stream', async () => {
    const line = uniqueName('line');
    // The stream of the test before is released once its reader cancelled.
    await waitFor(() => gw.openStreams() === 0, { what: 'earlier streams released' });
    const response = await gw.call(`/v1/events?sessionId=${line}-s2`);
    expect(gw.openStreams()).toBe(1);
    await publisher.publish(LinesEvents.session.changed, changed(line, `${line}-s1`));
    const wanted = changed(line, `${line}-s2`);
    await publisher.publish(LinesEvents.session.changed, wanted);
    const frames = await readFrames(response, (got) => got.length >= 1);
    expect(frames[0].id).toBe(wanted.eventId);
    // readFrames cancelled the response: the gateway lets go of the stream.
    await waitFor(() => gw.openStreams() === 0, { what: 'stream released' });
  });

  it('refuses an unknown event type with 400', async () => {
    const response = await gw.call('/v1/events?types=SessionChanged,Secret');
    expect(response.status).toBe(400);
    expect((await jsonOf<ErrorJson>(response)).details?.issues?.[0].field).toBe('types');
  });
});
