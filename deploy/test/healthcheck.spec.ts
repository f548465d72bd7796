// deploy/docker/healthcheck.js, the image's HEALTHCHECK and compose's readiness check, against a
// local HTTP server: exit 0 only on 200 from the asked path, on HTTP_PORT or the service's port.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './support/processes';
import { DEPLOY_DIR, loadServicesFile } from './support/services-contract';

const script = path.join(DEPLOY_DIR, 'docker', 'healthcheck.js');

function runCheck(
  env: Record<string, string>,
  probePath?: string,
  file = script,
): Promise<{ code: number; stderr: string }> {
  const args = probePath ? [file, probePath] : [file];
  const childEnv = { PATH: process.env.PATH ?? '', ...env };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { env: childEnv, timeout: 10000 },
      (error, _stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
      },
    );
  });
}

function serve(port: number, statusByPath: Record<string, number>): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const status = statusByPath[request.url ?? ''];
    if (status === undefined) return; // never answers: the check must time out
    response.writeHead(status).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('deploy/docker/healthcheck.js', () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    server = await serve(port, { '/healthz': 200, '/readyz': 503 });
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('exits 0 when the path answers 200 (default path /healthz)', async () => {
    await expect(runCheck({ HTTP_PORT: String(port) })).resolves.toMatchObject({ code: 0 });
    await expect(runCheck({ HTTP_PORT: String(port) }, '/healthz')).resolves.toMatchObject({
      code: 0,
    });
  });

  it('exits 1 when the path answers anything else', async () => {
    await expect(runCheck({ HTTP_PORT: String(port) }, '/readyz')).resolves.toMatchObject({
      code: 1,
    });
  });

  it('exits 1 when nothing listens, or nothing answers in time', async () => {
    const closed = await freePort();
    const refused = await runCheck({ HTTP_PORT: String(closed) });
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('ECONNREFUSED') });
    const silent = await runCheck({ HTTP_PORT: String(port) }, '/hangs');
    expect(silent).toMatchObject({ code: 1, stderr: expect.stringContaining('timed out') });
  });

  it("falls back to the service's port from services.json when HTTP_PORT is unset", async () => {
    // A copy of the script beside a services.json naming a free port: the real default ports
    // (3001...) may be in use by other suites running in parallel.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-healthcheck-'));
    try {
      mkdirSync(path.join(dir, 'docker'));
      copyFileSync(script, path.join(dir, 'docker', 'healthcheck.js'));
      const fallbackPort = await freePort();
      const services = loadServicesFile().services.map((s) =>
        s.name === 'sessions' ? { ...s, port: fallbackPort } : s,
      );
      writeFileSync(path.join(dir, 'services.json'), JSON.stringify({ services }));
      const own = await serve(fallbackPort, { '/readyz': 200, '/healthz': 503 });
      try {
        const copy = path.join(dir, 'docker', 'healthcheck.js');
        await expect(runCheck({ APP: 'sessions' }, '/readyz', copy)).resolves.toMatchObject({
          code: 0,
        });
        await expect(runCheck({ APP: 'sessions' }, '/healthz', copy)).resolves.toMatchObject({
          code: 1,
        });
      } finally {
        own.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 with a message when neither HTTP_PORT nor a known APP is set', async () => {
    await expect(runCheck({ APP: 'nope' })).resolves.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('unknown APP'),
    });
  });
});
