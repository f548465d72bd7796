import { seedExamplesScenario } from './scenarios/seed-examples.scenario';
import { telegramFlowScenario } from './scenarios/telegram-flow.scenario';
import { expectQuickstartPassed, runQuickstart } from './support/quickstart';
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
    expectQuickstartPassed(await runQuickstart(system));
  });
});
