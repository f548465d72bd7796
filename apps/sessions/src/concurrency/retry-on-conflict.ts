import { ErrorCode, OpenLinesError } from '@openlines/contracts';

/**
 * Re-runs `attempt` (which must read fresh state each time) while it fails with CONFLICT. For
 * writes that do not decide anything between competitors (appending a message), a lost
 * compare-and-set only means "read again"; state decisions (assignments) never retry.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, attempts = 10): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      const conflict = error instanceof OpenLinesError && error.code === ErrorCode.Conflict;
      if (!conflict || i >= attempts) throw error;
    }
  }
}
