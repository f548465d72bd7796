/** A check passes when it resolves to anything but `false`; throwing or `false` fails it. */
export type HealthCheck = () => unknown | Promise<unknown>;
export type HealthKind = 'liveness' | 'readiness';

export interface CheckResult {
  status: 'ok' | 'fail';
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, CheckResult>;
}

const DEFAULT_CHECK_TIMEOUT_MS = 2000;

/**
 * Named liveness and readiness checks of one process ('nats', 'store', 'consumers', …). Liveness
 * says "restart me" and should almost never fail; readiness says "send me no traffic yet".
 */
export class HealthRegistry {
  private readonly checks: Record<HealthKind, Map<string, HealthCheck>> = {
    liveness: new Map(),
    readiness: new Map(),
  };
  private shuttingDown = false;

  constructor(private readonly timeoutMs = DEFAULT_CHECK_TIMEOUT_MS) {}

  registerLiveness(name: string, check: HealthCheck): void {
    this.checks.liveness.set(name, check);
  }

  registerReadiness(name: string, check: HealthCheck): void {
    this.checks.readiness.set(name, check);
  }

  unregister(kind: HealthKind, name: string): void {
    this.checks[kind].delete(name);
  }

  /** From now on readiness fails, so load balancers stop routing here while we drain. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async report(kind: HealthKind): Promise<HealthReport> {
    const entries = [...this.checks[kind].entries()];
    const results = await Promise.all(entries.map(([, check]) => this.run(check)));
    const checks: Record<string, CheckResult> = {};
    entries.forEach(([name], index) => (checks[name] = results[index]));
    if (kind === 'readiness' && this.shuttingDown) {
      checks.shutdown = { status: 'fail', error: 'shutting down' };
    }
    const ok = Object.values(checks).every((result) => result.status === 'ok');
    return { status: ok ? 'ok' : 'unavailable', checks };
  }

  private async run(check: HealthCheck): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      const value = await Promise.race([Promise.resolve().then(check), timeout]);
      return value === false ? { status: 'fail', error: 'check failed' } : { status: 'ok' };
    } catch (error) {
      return { status: 'fail', error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
