import { createLinesClient, LineChannelType, LinesClient } from '@openlines/sdk';
import { TrafficOptions } from './conversation-traffic';
import { CrashGate } from './crash-gate';
import { RunningSystem } from './system';
import { createWidgetLine, WidgetLine } from './widget-line';

/**
 * The crash of a crash test: SDK clients over NATS and HTTP for the system and its operators, the
 * live chat line, and the kill -9 of every process (then a restart) once the traffic has had a
 * given number of acknowledgements. Meanwhile it creates a line with a channel now and then, and
 * keeps those acknowledged before the kill.
 */
export class CrashRun {
  readonly gate: CrashGate;
  /** Side lines and channels created (and acknowledged) before the kill. */
  readonly extras: { lineId: string; channelId: string }[] = [];
  killedAt = 0;
  restartMs = 0;
  private readonly clients: LinesClient[] = [];
  private readonly operators = new Map<string, LinesClient>();
  private readonly sideWork: Promise<void>[] = [];
  private recover: () => void = () => undefined;
  private crash?: Promise<void>;

  constructor(
    private readonly system: RunningSystem,
    private readonly tag: string,
  ) {
    this.gate = { started: false, recovered: new Promise((resolve) => (this.recover = resolve)) };
  }

  client(transport: 'nats' | 'http', operatorId?: string): LinesClient {
    const actor =
      operatorId === undefined ? undefined : { type: 'operator' as const, id: operatorId };
    const { natsUrl, subjectPrefix, gatewayUrl, apiKey } = this.system;
    const made =
      transport === 'nats'
        ? createLinesClient({ servers: natsUrl, subjectPrefix, actor })
        : createLinesClient({ baseUrl: gatewayUrl, apiKey, actor });
    this.clients.push(made);
    return made;
  }

  /** An auto-routed line with a live chat channel and its operators online. */
  line(lines: LinesClient, operators: string[], capacity: number): Promise<WidgetLine> {
    const name = `Crash test ${this.tag}`;
    return createWidgetLine(lines, { name, distribution: 'auto', capacity, operators });
  }

  /** Traffic options that kill everything after `killAfterAcks` acknowledgements. */
  traffic(line: WidgetLine, lines: LinesClient, killAfterAcks: number): TrafficOptions {
    const side = this.client('http');
    return {
      channelsUrl: this.system.channelsUrl,
      publicKey: line.publicKey,
      lineId: line.lineId,
      lines,
      // Even conversations' operators speak NATS, odd ones HTTP through the gateway.
      operator: (operatorId, index) => {
        const key = `${operatorId}:${index % 2}`;
        if (!this.operators.has(key))
          this.operators.set(key, this.client(index % 2 === 0 ? 'nats' : 'http', operatorId));
        return this.operators.get(key) as LinesClient;
      },
      onAck: (count) => {
        if (count % 60 === 0) this.sideWork.push(this.sideLine(side, count));
        if (count >= killAfterAcks && !this.gate.started) this.crashNow();
      },
    };
  }

  /** Resolves once the crash is over and the side lines are done. */
  async settled(): Promise<void> {
    await this.crash;
    await Promise.all(this.sideWork);
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.close().catch(() => undefined)));
  }

  private crashNow(): void {
    this.gate.started = true;
    this.crash = (async () => {
      this.killedAt = Date.now();
      await this.system.kill();
      const restarting = Date.now();
      await this.system.restart();
      this.restartMs = Date.now() - restarting;
      this.recover();
    })();
  }

  private async sideLine(sdk: LinesClient, n: number): Promise<void> {
    const before = !this.gate.started;
    try {
      const line = await sdk.lines.create({ __name: `Side line ${n}`, _operatorGroups: ['side'] });
      const channel = await sdk.channels.create({
        __name: `Side widget ${n}`,
        _line: line.id,
        _type: LineChannelType.livechat,
        _settings: { publicKey: `side-key-${this.tag}-${n}` },
      });
      // Only what was acknowledged before the kill must survive it.
      if (before && !this.gate.started)
        this.extras.push({ lineId: line.id, channelId: channel.id });
    } catch (error) {
      if (!this.gate.started) throw error;
    }
  }
}
