// Runs tools/start.js as `npm start` would, with fake services, and collects what it prints.
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './services-contract';
import { waitFor } from './processes';

export const START_SCRIPT = path.join(REPO_ROOT, 'tools', 'start.js');
export const FAKE_SERVICE = path.join(__dirname, '..', 'fixtures', 'fake-service.js');

export interface FakeService {
  name: string;
  port: number;
  flags?: string[];
}

export interface StartRun {
  child: ChildProcess;
  output: () => string;
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** tools/start.js with `args` (its flags), stdin closed (not a terminal), and a clean env. */
export function runStart(
  services: FakeService[],
  env: Record<string, string>,
  args: string[] = [],
): StartRun {
  const override = services.map(({ name, port, flags = [] }) => ({
    name,
    port,
    command: [process.execPath, FAKE_SERVICE, ...flags],
  }));
  // A clean environment: the jest run's own NATS_URL must not leak into start.js.
  const childEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    OPENLINES_SERVICES: JSON.stringify(override),
    ...env,
  };
  const child = spawn(process.execPath, [START_SCRIPT, ...args], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => text,
    waitForOutput: (pattern, timeoutMs = 20000) =>
      waitFor(
        () => `output matching ${pattern} in:\n${text}`,
        () => text.match(pattern) ?? undefined,
        timeoutMs,
      ),
    exit,
  };
}
