import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { seedExamplesScenario } from './scenarios/seed-examples.scenario';
import { telegramFlowScenario } from './scenarios/telegram-flow.scenario';
import { RunningSystem, startSystem } from './support/system';
import { TRANSPORTS } from './support/transports';

// Under the root jest config a project's testTimeout is ignored: set it here, for every hook and
// test of this file (they wait on real consumers across five processes).
jest.setTimeout(120_000);

/**
 * The whole system, each service its own process, driven by the SDK — the same scenarios over
 * NATS and over HTTP through the gateway.
 */
describe('OpenLines end to end', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  }, 180_000);
  afterAll(() => system?.stop(), 60_000);

  describe.each(TRANSPORTS)('the SDK over %s', (transport) => {
    seedExamplesScenario(() => system, transport);
    telegramFlowScenario(() => system, transport);
  });

  it('runs the README quickstart script (examples/quickstart.js) against the running system', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(__dirname, '..', 'examples', 'quickstart.js')],
      {
        env: {
          ...process.env,
          OPENLINES_URL: system.gatewayUrl,
          OPENLINES_CHANNELS_URL: system.channelsUrl,
          OPENLINES_API_KEY: system.apiKey,
        },
        timeout: 60_000,
      },
    );
    expect(stdout).toMatch(/session [\w-]+: AssignedToOperator/);
    expect(stdout).toContain('visitor sees: "Hello! It ships today."');
    expect(stdout).toContain('session Closed');
    expect(stdout).toMatch(/metrics: first response time [\d.]+s over 1 session/);
  });
});
