import { randomBytes } from 'node:crypto';

/**
 * A name no other spec uses, even on a shared nats-server and across parallel jest workers:
 * `prefix_<time><random>`. Only letters, digits and `_`, so it is valid as a durable name, a
 * stream name and a subject token.
 */
export function uniqueName(prefix: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(prefix))
    throw new Error(`uniqueName prefix "${prefix}" must be letters, digits, _ or -`);
  return `${prefix}_${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
}
