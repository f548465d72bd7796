import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const LOG_TAIL_LINES = 60;

/** One compiled service run as `node tools/run-service.js <name>`, as in production. */
export class ServiceProcess {
  private readonly log: string[] = [];
  /** Every log line that matched `watch` (the tail keeps only the last ones). */
  readonly matched: string[] = [];
  private readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly name: string,
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
    private readonly child: ChildProcess,
    private readonly watch?: RegExp,
  ) {
    let partial = '';
    const keep = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        if (watch?.test(line)) this.matched.push(line);
        this.log.push(line);
      }
      this.log.splice(0, Math.max(0, this.log.length - LOG_TAIL_LINES));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** `watch`: log lines to keep in `matched`, e.g. what a spec counts across a restart. */
  static start(name: string, port: number, env: NodeJS.ProcessEnv, watch?: RegExp): ServiceProcess {
    const child = spawn(process.execPath, [path.join(ROOT, 'tools', 'run-service.js'), name], {
      cwd: ROOT,
      env: { ...env, HTTP_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(name, port, env, child, watch);
  }

  /** The same service again (same port and environment), e.g. after kill(). */
  restart(): ServiceProcess {
    if (this.exitCode === undefined) throw new Error(`${this.name} is still running`);
    return ServiceProcess.start(this.name, this.port, this.env, this.watch);
  }

  /** Polls /readyz until 200; fails early if the process dies, with its last log lines. */
  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exitCode !== undefined)
        throw this.failure(`exited with ${this.exitCode} before ready`);
      const ok = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw this.failure(`not ready within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGTERM (graceful shutdown), SIGKILL after the deadline. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGKILL at once: a crash, nothing of the graceful shutdown runs. */
  async kill(): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  logTail(): string {
    return this.log.join('\n');
  }

  private failure(what: string): Error {
    return new Error(`${this.name} ${what}; last log lines:\n${this.logTail()}`);
  }
}
