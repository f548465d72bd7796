import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, RunningNatsServer, startNatsServer } from '@openlines/testing';

/**
 * A nats-server of one system alone, its JetStream store in a temporary directory that outlives
 * the server: kill() is a crash (SIGKILL), restart() recovers the streams from the store on the
 * same port (clients reconnect), stop() ends it and removes the store.
 */
export class OwnNats {
  private constructor(
    private current: RunningNatsServer,
    private readonly storeDir: string,
    private readonly monitor: boolean,
  ) {}

  static async start(monitor: boolean): Promise<OwnNats> {
    const storeDir = mkdtempSync(path.join(os.tmpdir(), 'openlines-e2e-nats-'));
    return new OwnNats(await OwnNats.launch(storeDir, monitor), storeDir, monitor);
  }

  get server(): RunningNatsServer {
    return this.current;
  }

  kill(): Promise<void> {
    return this.current.kill();
  }

  async restart(): Promise<void> {
    this.current = await OwnNats.launch(this.storeDir, this.monitor, this.current.port);
  }

  async stop(): Promise<void> {
    await this.current.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }

  private static async launch(storeDir: string, monitor: boolean, port?: number) {
    const monitorPort = monitor ? await freePort() : undefined;
    return startNatsServer({ storeDir, port, monitorPort });
  }
}
