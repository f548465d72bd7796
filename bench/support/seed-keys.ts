import { createHash } from 'node:crypto';

/**
 * The seeded sessions database's shape: which client, line and channel session `i` belongs to,
 * with stable UUID-shaped ids, so the bench can name seeded documents without reading them.
 * Bump SEED_VERSION when the documents change shape: the cache key includes it.
 */
export const SEED_VERSION = 3;
export type SeedKeys = ReturnType<typeof seedKeys>;
export const SEED_LINES = 10;
export const SESSIONS_PER_CLIENT = 5;
export const SEED_START = Date.UTC(2024, 0, 1);
export const PHRASES = [
  'Hello, I ordered a blue kettle last week and it has not arrived yet.',
  'Thank you for waiting. Let me check the status of your order.',
  'Could you send me the order number, please?',
  'It is 4711-2281. The tracking page says it left the warehouse on Monday.',
  'I see it: the courier has it, delivery is planned for tomorrow between 10 and 14.',
  'Great, thanks! Can I change the address to my office?',
  'Yes, I have changed it. You will get an SMS from the courier in the morning.',
];

/** A UUID-shaped id, stable for a given name (the real ones are random UUIDs). */
export const idOf = (name: string) => {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};
export const at = (ms: number) => new Date(SEED_START + ms).toISOString();

/** Where session `i` lives, and which client writes to it (a client's sessions share a line). */
export function seedKeys(i: number, sessions: number) {
  const clientCount = Math.max(1, Math.floor(sessions / SESSIONS_PER_CLIENT));
  const client = i % clientCount;
  const line = client % SEED_LINES;
  return {
    sessionId: idOf(`session:${i}`),
    clientId: idOf(`client:${client}`),
    lineId: idOf(`line:${line}`),
    channelId: idOf(`channel:${line}`),
    /** Which of the client's sessions this is (0: its first). */
    ordinal: Math.floor(i / clientCount),
    /** Only each client's newest session may be open. */
    newest: i >= sessions - clientCount,
  };
}
