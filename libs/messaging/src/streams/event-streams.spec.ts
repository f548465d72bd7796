import { NatsConnection, StorageType, nanos } from 'nats';
import {
  LINES_DEAD_LETTER_STREAM,
  LINES_EVENTS_STREAM,
  LINES_EVENTS_SUBJECTS,
} from '@openlines/contracts';
import { connectSpecNats, uniqueName } from '../../test/support/spec-nats';
import { EVENTS_DUPLICATE_WINDOW_MS, ensureEventStreams, ensureStreams } from './event-streams';

describe('ensureEventStreams', () => {
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connectSpecNats();
  });

  afterAll(() => nc.drain());

  it('creates the events and dead-letter streams, idempotently and concurrently', async () => {
    await Promise.all([ensureEventStreams(nc), ensureEventStreams(nc), ensureEventStreams(nc)]);
    const jsm = await nc.jetstreamManager();
    const events = await jsm.streams.info(LINES_EVENTS_STREAM);
    expect(events.config).toMatchObject({
      subjects: [LINES_EVENTS_SUBJECTS],
      storage: StorageType.File,
      duplicate_window: nanos(EVENTS_DUPLICATE_WINDOW_MS),
    });
    const deadLetters = await jsm.streams.info(LINES_DEAD_LETTER_STREAM);
    expect(deadLetters.config.subjects).toEqual(['lines.deadletter.>']);
  });

  it('brings an existing stream with other settings to the declared ones', async () => {
    const name = uniqueName('SPEC_STREAM');
    const subject = `${uniqueName('specstream')}.>`;
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({
      name,
      subjects: [subject],
      storage: StorageType.File,
      duplicate_window: nanos(10_000),
    });
    try {
      await ensureStreams(nc, [
        { name, subjects: [subject], storage: StorageType.File, duplicate_window: nanos(60_000) },
      ]);
      expect((await jsm.streams.info(name)).config.duplicate_window).toBe(nanos(60_000));
    } finally {
      await jsm.streams.delete(name);
    }
  });
});
