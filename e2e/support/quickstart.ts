import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export interface QuickstartTarget {
  gatewayUrl: string;
  channelsUrl: string;
  apiKey: string;
}

/** Runs examples/quickstart.js (the README's script) as a user would; resolves its stdout. */
export async function runQuickstart(target: QuickstartTarget): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(__dirname, '..', '..', 'examples', 'quickstart.js')],
    {
      env: {
        ...process.env,
        OPENLINES_URL: target.gatewayUrl,
        OPENLINES_CHANNELS_URL: target.channelsUrl,
        OPENLINES_API_KEY: target.apiKey,
      },
      timeout: 60_000,
    },
  );
  return stdout;
}

/** What a passing run prints: the routed session, the reply, the close, the metrics. */
export function expectQuickstartPassed(stdout: string): void {
  expect(stdout).toMatch(/session [\w-]+: AssignedToOperator/);
  expect(stdout).toContain('visitor sees: "Hello! It ships today."');
  expect(stdout).toContain('session Closed');
  expect(stdout).toMatch(/metrics: first response time [\d.]+s over 1 session/);
  expect(stdout).toMatch(/operator olga-\w+ offline/);
}
