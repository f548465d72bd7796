/**
 * The client's chain of sessions on a line [doc]: un-spam is allowed only for the last session of
 * that chain, so that a conversation that has already moved on is not reopened behind a newer one.
 */
export interface ChainLink {
  id: string;
  createdAt: string;
  /** Creation tick (same clock as the queue): orders sessions created within one millisecond. */
  createdTick: number;
}

function isNewer(a: ChainLink, b: ChainLink): boolean {
  if (a.createdTick !== b.createdTick) return a.createdTick > b.createdTick;
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime > 0;
  return a.id > b.id;
}

/** True when no other session of the chain is newer than `session`. */
export function isLastInChain(session: ChainLink, chain: readonly ChainLink[]): boolean {
  return chain.every((other) => other.id === session.id || !isNewer(other, session));
}
