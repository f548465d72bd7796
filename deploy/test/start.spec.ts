// tools/start.js (`npm start`) with fake services: it starts nats-server when NATS_URL is unset,
// hands every service its env (the durable data directory, or STORE=memory), waits for
// readiness, prints the URLs, a generated API key and where the data lives, and stops everything
// in order on a signal or when a service dies. Flags and --reset: start-flags.spec.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, natsServerBinary, portAccepts } from './support/processes';
import { runStart } from './support/start-runner';

jest.setTimeout(60000);

const dataDirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-start-'));
  dataDirs.push(dir);
  return dir;
}
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function twoPorts(): Promise<[number, number]> {
  return [await freePort(), await freePort()];
}

describe('tools/start.js', () => {
  it('starts nats-server, the services with their env, waits until ready, and stops all on SIGTERM', async () => {
    const [alpha, beta] = await twoPorts();
    const dir = dataDir();
    // NATS_SERVER_BIN as the test setup resolved it (a name on the PATH or an absolute path).
    const run = runStart(
      [
        { name: 'alpha', port: alpha },
        { name: 'beta', port: beta },
      ],
      {
        OPENLINES_DATA_DIR: dir,
        NATS_SERVER_BIN: natsServerBinary(),
        PATH: `${process.env.PATH}${path.delimiter}/usr/sbin`,
      },
    );
    await run.waitForOutput(/press Ctrl-C to stop/);
    const output = run.output();
    expect(output).not.toMatch(/IN MEMORY|NOTHING IS PERSISTED/);
    expect(output).toContain(`data: embedded durable store in ${path.join(dir, 'store')}`);
    expect(output).toContain(`data:                  ${dir} (kept across restarts`);
    expect(output).toMatch(/alpha is ready on port \d+/);
    expect(output).toMatch(/beta is ready on port \d+/);
    const apiKey = /API key \(this run\):\s+(ol_local_\S+)/.exec(output)?.[1];
    const natsUrl = /NATS:\s+(nats:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
    expect(apiKey).toBeDefined();
    expect(output).toContain(`JetStream data in ${path.join(dir, 'nats')}`);
    // Each service got the same NATS_URL, key and data directory, its own HTTP_PORT, no MONGO_URL
    // and no STORE (so the durable default).
    for (const [name, port] of [
      ['alpha', alpha],
      ['beta', beta],
    ] as const) {
      const line = new RegExp(`\\[${name}\\s*\\] env (\\{.*\\})`).exec(output)?.[1] ?? '{}';
      expect(JSON.parse(line)).toEqual({
        NATS_URL: natsUrl,
        API_KEYS: apiKey,
        HTTP_PORT: String(port),
        MONGO_URL: null,
        STORE: null,
        OPENLINES_DATA_DIR: dir,
      });
    }
    const natsPort = Number(new URL(natsUrl).port);
    expect(await portAccepts(natsPort)).toBe(true);

    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect(run.output()).toMatch(/\[alpha\s*\] got SIGTERM, stopping/);
    expect(run.output()).toMatch(/\[beta\s*\] got SIGTERM, stopping/);
    expect(run.output().indexOf('stopping nats-server')).toBeGreaterThan(
      run.output().indexOf('got SIGTERM'),
    );
    expect(await portAccepts(natsPort)).toBe(false);
  });

  it('uses the given NATS_URL, MONGO_URL and API_KEYS, starts no nats-server, and stops on SIGINT', async () => {
    const [alpha] = await twoPorts();
    const given = {
      NATS_URL: 'nats://127.0.0.1:1',
      MONGO_URL: 'mongodb://127.0.0.1:1/x',
      API_KEYS: 'k1,k2',
    };
    const run = runStart([{ name: 'alpha', port: alpha }], given);
    await run.waitForOutput(/press Ctrl-C to stop/);
    const output = run.output();
    expect(output).not.toMatch(/nats-server/);
    expect(output).not.toMatch(/IN MEMORY/);
    expect(output).toMatch(/API keys:\s+from API_KEYS/);
    expect(output).toMatch(/data:\s+MongoDB \(MONGO_URL\)/);
    const line = /\[alpha\] env (\{.*\})/.exec(output)?.[1] ?? '{}';
    expect(JSON.parse(line)).toMatchObject({ ...given, HTTP_PORT: String(alpha), STORE: null });
    run.child.kill('SIGINT');
    expect(await run.exit).toEqual({ code: 0, signal: null });
  });

  it('says so and stops the rest with a non-zero exit when a service dies', async () => {
    const [alpha, beta] = await twoPorts();
    const run = runStart(
      [
        { name: 'alpha', port: alpha },
        { name: 'beta', port: beta, flags: ['--crash-after-ms=800'] },
      ],
      { NATS_URL: 'nats://127.0.0.1:1' },
    );
    expect(await run.exit).toEqual({ code: 1, signal: null });
    expect(run.output()).toMatch(/beta exited \(code 3\): stopping the rest/);
    expect(run.output()).toMatch(/\[alpha\] got SIGTERM, stopping/);
  });

  it('kills a service that ignores SIGTERM after the stop deadline', async () => {
    const [alpha] = await twoPorts();
    const run = runStart([{ name: 'alpha', port: alpha, flags: ['--ignore-sigterm'] }], {
      NATS_URL: 'nats://127.0.0.1:1',
      OPENLINES_STOP_TIMEOUT_MS: '500',
    });
    await run.waitForOutput(/press Ctrl-C to stop/);
    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect(run.output()).toMatch(/ignoring SIGTERM/);
    expect(run.output()).toMatch(/alpha did not stop within 500 ms: killing it/);
    expect(await portAccepts(alpha)).toBe(false);
  });

  it('gives up, naming the service, when one is not ready in time', async () => {
    const [alpha, beta] = await twoPorts();
    const run = runStart(
      [
        { name: 'alpha', port: alpha },
        { name: 'beta', port: beta, flags: ['--never-ready'] },
      ],
      { NATS_URL: 'nats://127.0.0.1:1', OPENLINES_READY_TIMEOUT_MS: '1500' },
    );
    expect(await run.exit).toEqual({ code: 1, signal: null });
    expect(run.output()).toMatch(/not ready after 1\.5 s: beta$/m);
  });

  it('explains how to install nats-server when it is missing, and exits', async () => {
    const run = runStart([{ name: 'alpha', port: await freePort() }], {
      NATS_SERVER_BIN: '/nonexistent/nats-server',
      OPENLINES_DATA_DIR: dataDir(),
    });
    expect(await run.exit).toEqual({ code: 1, signal: null });
    expect(run.output()).toContain('nats-server was not found');
    expect(run.output()).toContain('apt-get install nats-server');
    expect(run.output()).toContain('brew install nats-server');
    expect(run.output()).not.toMatch(/\[alpha\]/);
  });

  it('stops with the log location when nats-server exits at start', async () => {
    const dir = dataDir();
    const run = runStart([{ name: 'alpha', port: await freePort() }], {
      NATS_SERVER_BIN: '/bin/false',
      OPENLINES_DATA_DIR: dir,
    });
    expect(await run.exit).toEqual({ code: 1, signal: null });
    expect(run.output()).toContain(
      `nats-server exited at start; see ${path.join(dir, 'nats-server.log')}`,
    );
    expect(run.output()).not.toMatch(/\[alpha\]/);
  });

  it('refuses to start when a service port is taken', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, resolve));
    try {
      const run = runStart([{ name: 'alpha', port }], { NATS_URL: 'nats://127.0.0.1:1' });
      expect(await run.exit).toEqual({ code: 1, signal: null });
      expect(run.output()).toContain(`port ${port} (alpha) is in use`);
    } finally {
      blocker.close();
    }
  });
});
