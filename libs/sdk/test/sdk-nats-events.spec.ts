import { randomBytes } from 'node:crypto';
import { LinesEvents } from '@openlines/contracts';
import { EventPublisher } from '@openlines/messaging';
import { createLinesClient, LinesClient, SessionChangedPayload } from '../src';
import { messageCreated, sessionChanged, sessionReassigned } from './events';
import { FakeLinesBackend } from './fake-lines-backend';
import { until } from './until';

/** Resolves when `received` holds `count` items. */
const received = <T>(items: T[], count: number) =>
  until(() => items.length >= count, `${count} events`);

describe('SDK over NATS: live subscriptions', () => {
  let backend: FakeLinesBackend;
  let lines: LinesClient;
  let publisher: EventPublisher;
  const line = `line-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    backend = await FakeLinesBackend.start();
    publisher = new EventPublisher(backend.nc);
    lines = createLinesClient({ servers: process.env.NATS_URL!, subjectPrefix: backend.prefix });
  });
  afterAll(async () => {
    await lines?.close();
    await backend?.close();
  });

  it('delivers the events of one line to each handler, and nothing after unsubscribe', async () => {
    const changed: SessionChangedPayload[] = [];
    const reassigned: unknown[] = [];
    const messages: unknown[] = [];
    const stopChanged = lines.onSessionChanged((event) => void changed.push(event), {
      lineId: line,
    });
    const stopReassigned = lines.onSessionReassigned((event) => void reassigned.push(event), {
      lineId: line,
    });
    const stopMessages = lines.onMessage((event) => void messages.push(event), { lineId: line });
    await Promise.all([stopChanged.ready, stopReassigned.ready, stopMessages.ready]);

    const mine = sessionChanged(line, 's-1');
    await publisher.publish(LinesEvents.session.changed, sessionChanged('another-line', 's-2'));
    await publisher.publish(LinesEvents.session.changed, mine);
    await publisher.publish(LinesEvents.session.reassigned, sessionReassigned(line, 's-1'));
    await publisher.publish(LinesEvents.message.created, messageCreated(line, 's-1'));
    await received(changed, 1);
    await received(reassigned, 1);
    await received(messages, 1);
    expect(changed).toEqual([mine]);

    stopChanged();
    await publisher.publish(LinesEvents.session.changed, sessionChanged(line, 's-3'));
    await publisher.publish(LinesEvents.session.reassigned, sessionReassigned(line, 's-3'));
    // The reassignment published after it has arrived, so the change would have too.
    await received(reassigned, 2);
    expect(changed).toHaveLength(1);
    stopReassigned();
    stopMessages();
  });

  it('passes a handler failure to onError and keeps delivering', async () => {
    const errors: unknown[] = [];
    const seen: string[] = [];
    const stop = lines.onSessionChanged(
      (event) => {
        seen.push(event.sessionId);
        if (event.sessionId === 's-bad') throw new Error('handler failed');
      },
      { lineId: line, onError: (error) => errors.push(error) },
    );
    await stop.ready;
    await publisher.publish(LinesEvents.session.changed, sessionChanged(line, 's-bad'));
    await publisher.publish(LinesEvents.session.changed, sessionChanged(line, 's-good'));
    await received(seen, 2);
    expect(seen).toEqual(['s-bad', 's-good']);
    expect((errors[0] as Error).message).toBe('handler failed');
    stop();
  });
});
