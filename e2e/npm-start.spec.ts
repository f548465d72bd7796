import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLinesClient, LinesClient } from '@openlines/sdk';
import { NpmStart, freeServicePorts } from './support/npm-start';
import { expectQuickstartPassed, runQuickstart } from './support/quickstart';
import { ServiceName } from './support/system';

// Each start runs five services and a nats-server and waits for all of them.
jest.setTimeout(240_000);

/**
 * `npm start` keeps its data: the durable embedded store under OPENLINES_DATA_DIR (a temporary
 * directory here) and nats-server's streams beside it. A line created through the SDK over HTTP
 * is there after Ctrl-C and a new start, and after kill -9 of every process and a new start;
 * the README's quickstart script passes on every start of the same store (its operators of
 * earlier runs are still in it).
 */
describe('npm start keeps its data across stops, restarts and kill -9', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openlines-npm-start-'));
  const apiKey = `e2e-${randomBytes(16).toString('hex')}`;
  let ports: Record<ServiceName, number>;
  let run: NpmStart | undefined;
  let lineId = '';

  async function start(): Promise<{ run: NpmStart; lines: LinesClient }> {
    run = NpmStart.start({ dataDir, apiKey, ports });
    await run.running();
    return { run, lines: createLinesClient({ baseUrl: run.gatewayUrl, apiKey }) };
  }

  beforeAll(async () => {
    ports = await freeServicePorts();
  });
  afterAll(async () => {
    await run?.interrupt();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('starts durable in the data directory, and a line created over HTTP is stored', async () => {
    const first = await start();
    expect(first.run.output()).toContain(`data:                  ${dataDir} (kept across restarts`);
    expect(first.run.output()).not.toMatch(/IN MEMORY|NOTHING IS PERSISTED/);
    const line = await first.lines.lines.create({
      __name: 'Kept across restarts',
      _operatorGroups: ['durable'],
      _distribution: 'auto',
    });
    lineId = line.id;
    expectQuickstartPassed(await runQuickstart(first.run));
    await first.lines.close();
    expect(
      readdirSync(path.join(dataDir, 'store'))
        .filter((f) => f.endsWith('.sqlite'))
        .sort(),
    ).toEqual([
      'openlines_channels.sqlite',
      'openlines_clients.sqlite',
      'openlines_metrics.sqlite',
      'openlines_sessions.sqlite',
    ]);

    expect(await first.run.interrupt()).toEqual({ code: 0, signal: null });
    run = undefined;
  });

  it('has the line after Ctrl-C and a new start, and the quickstart passes again', async () => {
    const second = await start();
    const line = await second.lines.lines.get(lineId);
    expect(line.data.__name).toBe('Kept across restarts');
    expectQuickstartPassed(await runQuickstart(second.run));
    await second.lines.close();
    await second.run.killHard();
    run = undefined;
  });

  it('has the line after kill -9 of every process and a new start, and the quickstart passes', async () => {
    const third = await start();
    const line = await third.lines.lines.get(lineId);
    expect(line.data.__name).toBe('Kept across restarts');
    expectQuickstartPassed(await runQuickstart(third.run));
    await third.lines.close();
    expect(await third.run.interrupt()).toEqual({ code: 0, signal: null });
    run = undefined;
  });
});
