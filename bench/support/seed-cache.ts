import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { SqliteStoreFactory } from '@openlines/persistence';
import { SESSIONS_DATABASE } from '../../apps/sessions/src/config/sessions.config';
import {
  MESSAGES_COLLECTION,
  MESSAGES_DEFINITION,
  MessageDocument,
} from '../../apps/sessions/src/message/persistence/message.schema';
import {
  SESSIONS_COLLECTION,
  SESSIONS_DEFINITION,
  SessionDocument,
} from '../../apps/sessions/src/session/persistence/session.schema';
import { SEED_VERSION } from './seed-keys';
import { seedSession } from './seed-sessions';

/** Under the repository's tmp/ (ignored by .gitignore), so that a seeded file survives runs. */
export const BENCH_CACHE_DIR = path.join(__dirname, '..', '..', 'tmp', '.bench-cache');

const BATCH = 2_000;

export interface SeededFile {
  file: string;
  /** True when this run seeded it (and how long that took); false when it came from the cache. */
  seeded: boolean;
  seedMs: number;
}

/** Fills the sessions service's SQLite file through the store (its indexes), in batches. */
async function seedSessionsFile(
  file: string,
  sessions: number,
  messages: number,
  progress: (done: number) => void,
): Promise<void> {
  const factory = new SqliteStoreFactory({ file });
  try {
    const sessionStore = factory.createStore<SessionDocument>(
      SESSIONS_COLLECTION,
      SESSIONS_DEFINITION,
    );
    const messageStore = factory.createStore<MessageDocument>(
      MESSAGES_COLLECTION,
      MESSAGES_DEFINITION,
    );
    let sessionBatch: SessionDocument[] = [];
    let messageBatch: MessageDocument[] = [];
    for (let i = 0; i < sessions; i += 1) {
      const count =
        Math.floor(((i + 1) * messages) / sessions) - Math.floor((i * messages) / sessions);
      const seeded = seedSession(i, sessions, count);
      sessionBatch.push(seeded.session);
      messageBatch.push(...seeded.messages);
      if (sessionBatch.length >= BATCH / 10 || i === sessions - 1) {
        await sessionStore.insertMany(sessionBatch);
        for (let from = 0; from < messageBatch.length; from += BATCH)
          await messageStore.insertMany(messageBatch.slice(from, from + BATCH));
        sessionBatch = [];
        messageBatch = [];
        progress(i + 1);
      }
    }
  } finally {
    await factory.close();
  }
}

/**
 * The sessions service's SQLite file holding `sessions` sessions and `messages` messages, seeded
 * once and kept under tmp/.bench-cache: the key covers the sizes, the seed's shape and the
 * collections' index declarations, so a change to any of them seeds a new file. Seeding writes
 * into a `.partial` directory renamed at the end, so an interrupted seed is never reused.
 */
export async function seededSessionsFile(
  sessions: number,
  messages: number,
  write: (text: string) => void,
): Promise<SeededFile> {
  const key = createHash('sha1')
    .update(
      JSON.stringify({
        SEED_VERSION,
        sessions,
        messages,
        SESSIONS_DEFINITION,
        MESSAGES_DEFINITION,
      }),
    )
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(BENCH_CACHE_DIR, `startup-${sessions}-${messages}-${key}`);
  const file = path.join(dir, `${SESSIONS_DATABASE}.sqlite`);
  if (existsSync(file)) return { file, seeded: false, seedMs: 0 };
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const started = performance.now();
  let reported = 0;
  await seedSessionsFile(
    path.join(partial, `${SESSIONS_DATABASE}.sqlite`),
    sessions,
    messages,
    (done) => {
      if (done - reported >= sessions / 10 || done === sessions) {
        reported = done;
        const seconds = (performance.now() - started) / 1000;
        write(
          `  seeding: ${done.toLocaleString('en')} / ${sessions.toLocaleString('en')} sessions (${Math.round(seconds)} s)`,
        );
      }
    },
  );
  renameSync(partial, dir);
  return { file, seeded: true, seedMs: performance.now() - started };
}

/** The file's bytes, with its write-ahead log and shared-memory index when present. */
export function sqliteBytes(file: string): number {
  return ['', '-wal', '-shm']
    .map((suffix) => `${file}${suffix}`)
    .filter((candidate) => existsSync(candidate))
    .reduce((sum, candidate) => sum + statSync(candidate).size, 0);
}
