import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { LinesMetricsRpc } from '@openlines/contracts';
import { RpcClient } from '@openlines/messaging';
import { waitFor } from '@openlines/testing';

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * The metrics service as its own process — the real `src/main.ts` (compiled on the fly by
 * tools/ts-register.js), on the memory store, so that a SIGKILL loses everything it held.
 */
export class MetricsProcess {
  private child?: ChildProcess;
  private output = '';

  constructor(private readonly env: Record<string, string>) {}

  start(): void {
    this.child = spawn(
      process.execPath,
      ['-r', path.join(ROOT, 'tools/ts-register.js'), path.join(ROOT, 'apps/metrics/src/main.ts')],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HTTP_PORT: '0',
          LOG_LEVEL: 'warn',
          STORE: 'memory',
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
  }

  /** Resolves once the service answers over NATS. */
  async ready(rpc: RpcClient, timeoutMs = 60_000): Promise<void> {
    await waitFor(
      async () => {
        if (this.child?.exitCode !== null)
          throw new Error(`metrics process exited:\n${this.output}`);
        return rpc.request(LinesMetricsRpc.count, {}, { timeoutMs: 1000 }).then(
          () => true,
          () => false,
        );
      },
      { timeoutMs, intervalMs: 200, what: 'metrics process answering' },
    );
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  get log(): string {
    return this.output;
  }
}
