import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const LOG_TAIL_LINES = 40;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Fails early, with a clear hint, when the services were not built (the benches run dist/). */
export function assertBuilt(): void {
  const main = path.join(ROOT, 'dist', 'apps', 'sessions', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
}

/**
 * One compiled service as its own process (`node tools/run-service.js <name>`, as in production),
 * with what a bench needs beyond e2e's ServiceProcess: its pid's resident memory and a fine-grained
 * readiness poll, so that time-to-ready is measured to ~10 ms.
 */
export class BenchService {
  private readonly log: string[] = [];
  private readonly exited: Promise<void>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly child: ChildProcess,
    readonly startedAt: number,
  ) {
    const keep = (chunk: Buffer) => {
      this.log.push(...chunk.toString().split('\n').filter(Boolean));
      this.log.splice(0, Math.max(0, this.log.length - LOG_TAIL_LINES));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve();
      }),
    );
  }

  static async start(name: string, env: NodeJS.ProcessEnv): Promise<BenchService> {
    const port = await freePort();
    const startedAt = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'tools', 'run-service.js'), name], {
      cwd: ROOT,
      env: { ...env, HTTP_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new BenchService(name, `http://127.0.0.1:${port}`, child, startedAt);
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no pid`);
    return this.child.pid;
  }

  /** Polls /readyz every `pollMs` until 200; resolves with the ms since spawn. */
  async ready(timeoutMs = 120_000, pollMs = 10): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exitCode !== undefined)
        throw this.failure(`exited with ${this.exitCode} before ready`);
      const ok = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return performance.now() - this.startedAt;
      if (Date.now() > deadline) throw this.failure(`not ready within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Resident memory now and at its peak (VmRSS, VmHWM of /proc/<pid>/status), in bytes. */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
  }

  /** CPU time the process used so far (user + system, /proc/<pid>/stat; 100 ticks a second). */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** SIGTERM (graceful shutdown), SIGKILL after the deadline. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  logTail(): string {
    return this.log.join('\n');
  }

  private failure(what: string): Error {
    return new Error(`${this.name} ${what}; last log lines:\n${this.logTail()}`);
  }
}
