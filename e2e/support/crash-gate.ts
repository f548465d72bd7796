/** The crash: whether it has begun (later answers are not "before the kill") and when it is over. */
export interface CrashGate {
  started: boolean;
  recovered: Promise<void>;
}

const RETRY_PAUSE_MS = 250;

/**
 * Runs `op`; before the crash any failure is a failure. Once the crash has begun, a failure waits
 * for the restart and tries again (pausing between attempts while the services reconnect),
 * unless `done` shows that the step took effect meanwhile: an answer lost in the crash.
 */
export async function throughCrash<T>(
  gate: CrashGate,
  what: string,
  op: () => Promise<T>,
  done?: () => Promise<T | undefined>,
  deadlineMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt += 1) {
    if (attempt > 0 && done !== undefined) {
      const result = await done().catch(() => undefined);
      if (result !== undefined) return result;
    }
    try {
      return await op();
    } catch (error) {
      if (!gate.started || Date.now() > deadline) throw new Error(`${what}: ${String(error)}`);
      await gate.recovered;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  }
}
