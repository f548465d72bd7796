import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { freePort } from '@openlines/testing';
import { SERVICES, ServiceName } from './system';

const START_SCRIPT = path.join(__dirname, '..', '..', 'tools', 'start.js');

export interface NpmStartOptions {
  dataDir: string;
  apiKey: string;
  ports: Record<ServiceName, number>;
  args?: string[];
}

/** A free port per service, kept for every start of one system (as deploy/services.json does). */
export async function freeServicePorts(): Promise<Record<ServiceName, number>> {
  const ports = await Promise.all(SERVICES.map(() => freePort()));
  return Object.fromEntries(SERVICES.map((name, i) => [name, ports[i]])) as Record<
    ServiceName,
    number
  >;
}

/**
 * `npm start` as a user runs it: tools/start.js with the compiled services and a nats-server of
 * its own, here on free ports and in `dataDir`; the jest run's NATS_URL does not leak in.
 */
export class NpmStart {
  private text = '';
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: NpmStartOptions,
  ) {
    const keep = (chunk: Buffer) => (this.text += chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  static start(options: NpmStartOptions): NpmStart {
    const services = SERVICES.map((name) => ({ name, port: options.ports[name] }));
    const child = spawn(process.execPath, [START_SCRIPT, ...(options.args ?? [])], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        OPENLINES_DATA_DIR: options.dataDir,
        OPENLINES_SERVICES: JSON.stringify(services),
        OPENLINES_NATS_PORT: '0',
        API_KEYS: options.apiKey,
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
        ...(process.env.NATS_SERVER_BIN ? { NATS_SERVER_BIN: process.env.NATS_SERVER_BIN } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new NpmStart(child, options);
  }

  get apiKey(): string {
    return this.options.apiKey;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.options.ports.gateway}`;
  }

  get channelsUrl(): string {
    return `http://127.0.0.1:${this.options.ports.channels}`;
  }

  output(): string {
    return this.text;
  }

  /** Resolves once it prints that every service is ready; fails with its output if it exits. */
  async running(timeoutMs = 150_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exit.then(() => (exited = true));
    while (!this.text.includes('press Ctrl-C to stop')) {
      if (exited || Date.now() > deadline) {
        throw new Error(`npm start ${exited ? 'exited' : 'is not running in time'}:\n${this.text}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Ctrl-C: the orderly stop. */
  async interrupt(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.kill('SIGINT');
    return this.exit;
  }

  /** kill -9 of start.js, every service and nats-server at once: nobody stops in order. */
  async killHard(): Promise<void> {
    const pid = this.child.pid ?? 0;
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((child) => child > 0);
    for (const target of [pid, ...children]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await this.exit;
    // The orphaned services are not start.js's to reap: wait for their ports instead.
    await portsFreed(Object.values(this.options.ports));
  }
}

/** True when nothing listens on the port (a killed process's sockets close as it dies). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function portsFreed(ports: number[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const free = await Promise.all(ports.map((port) => portIsFree(port)));
    if (free.every(Boolean)) return;
    if (Date.now() > deadline)
      throw new Error(`ports ${ports.join(', ')} still taken after SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
