import { randomBytes } from 'node:crypto';
import { LinesEvents } from '@openlines/contracts';
import { EventPublisher } from '@openlines/messaging';
import { createLinesClient, LinesClient, SessionChangedPayload } from '../src';
import { messageCreated, sessionChanged, sessionReassigned } from './events';
import { FakeLinesBackend } from './fake-lines-backend';

/** Resolves when `received` holds `count` items, or fails at the deadline. */
function until<T>(received: T[], count: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (received.length >= count) return resolve();
      if (Date.now() > deadline)
        return reject(new Error(`got ${received.length} of ${count} events`));
      setTimeout(check, 10);
    };
    check();
  });
}

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
    await until(changed, 1);
    await until(reassigned, 1);
    await until(messages, 1);
    expect(changed).toEqual([mine]);

    stopChanged();
    await publisher.publish(LinesEvents.session.changed, sessionChanged(line, 's-3'));
    await publisher.publish(LinesEvents.session.reassigned, sessionReassigned(line, 's-3'));
    // The reassignment published after it has arrived, so the change would have too.
    await until(reassigned, 2);
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
    await until(seen, 2);
    expect(seen).toEqual(['s-bad', 's-good']);
    expect((errors[0] as Error).message).toBe('handler failed');
    stop();
  });
});
