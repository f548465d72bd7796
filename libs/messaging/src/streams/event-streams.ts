import { NatsConnection, NatsError, RetentionPolicy, StorageType, StreamConfig, nanos } from 'nats';
import {
  LINES_DEAD_LETTER_PREFIX,
  LINES_DEAD_LETTER_STREAM,
  LINES_EVENTS_STREAM,
  LINES_EVENTS_SUBJECTS,
} from '@openlines/contracts';

/** Server-side de-duplication window for `Nats-Msg-Id` (an outbox re-publish after a crash). */
export const EVENTS_DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

export type StreamSettings = Partial<StreamConfig> & Pick<StreamConfig, 'name' | 'subjects'>;

export const EVENT_STREAM_SETTINGS: readonly StreamSettings[] = [
  {
    name: LINES_EVENTS_STREAM,
    subjects: [LINES_EVENTS_SUBJECTS],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: nanos(EVENTS_DUPLICATE_WINDOW_MS),
  },
  {
    name: LINES_DEAD_LETTER_STREAM,
    subjects: [`${LINES_DEAD_LETTER_PREFIX}.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: nanos(EVENTS_DUPLICATE_WINDOW_MS),
  },
];

/**
 * Creates the events and dead-letter streams, or brings an existing one to these settings.
 * Every service calls it on start, concurrently, so "already exists" is the normal case.
 */
export function ensureEventStreams(nc: NatsConnection): Promise<void> {
  return ensureStreams(nc, EVENT_STREAM_SETTINGS);
}

/** Creates each stream, or updates it in place when it exists with other settings. */
export async function ensureStreams(
  nc: NatsConnection,
  streams: readonly StreamSettings[],
): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for (const settings of streams) {
    try {
      await jsm.streams.add(settings);
    } catch (error) {
      if (!isStreamNameInUse(error)) throw error;
      await jsm.streams.update(settings.name, settings);
    }
  }
}

function isStreamNameInUse(error: unknown): boolean {
  return error instanceof NatsError && error.api_error?.err_code === 10058;
}
