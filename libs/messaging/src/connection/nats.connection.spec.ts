import type { NatsConnection } from 'nats';
import { NatsServerProcess } from '../../test/support/nats-server.process';
import { capturedLogger, waitFor } from '../../test/support/spec-nats';
import { connectNats, isNatsReachable } from './nats.connection';

describe('connectNats', () => {
  let server: NatsServerProcess;
  let nc: NatsConnection | undefined;

  beforeAll(async () => {
    server = await NatsServerProcess.onFreePort();
  });

  afterAll(async () => {
    await nc?.close();
    await server.stop();
  });

  it('waits for a server that is not up yet, then survives its restart, logging each change', async () => {
    const { lines, logger } = capturedLogger();
    const connecting = connectNats({ servers: [server.url] }, logger, 'reconnect-spec');
    await waitFor(() => lines.some((line) => line.msg === 'connecting to NATS'));
    await server.start(); // after the first attempt failed: waitOnFirstConnect keeps trying
    nc = await connecting;
    expect(lines.find((line) => line.msg === 'connected to NATS')).toMatchObject({
      component: 'nats',
      server: `127.0.0.1:${server.port}`,
    });
    expect(await isNatsReachable(nc)).toBe(true);

    await server.stop();
    await waitFor(() => lines.some((line) => line.msg === 'NATS disconnect'));
    expect(await isNatsReachable(nc, 200)).toBe(false);

    await server.start();
    await waitFor(() => lines.some((line) => line.msg === 'NATS reconnect'));
    expect(await isNatsReachable(nc)).toBe(true);
    expect(nc.isClosed()).toBe(false);
  });

  it('reports a closed connection as not reachable', async () => {
    const closed = await connectNats(
      { servers: [server.url] },
      capturedLogger().logger,
      'closed-spec',
    );
    await closed.close();
    expect(await isNatsReachable(closed)).toBe(false);
  });
});
