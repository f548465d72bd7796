import { LinesEvents } from '@openlines/contracts';
import { NatsConnection, decodeJson } from '@openlines/messaging';
import { percentile } from './bench-stats';
import { postUpdate, telegramUpdate } from './telegram-update';

/** What one trial (a paced step or a burst) measured; latencies are webhook POST → message.created. */
export interface TrialResult {
  sent: number;
  delivered: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  /** Delivered messages per second, from the first POST to the last message.created. */
  throughput: number;
  /** False when some message had not arrived within the drain deadline: the backlog grew. */
  complete: boolean;
}

const DRAIN_DEADLINE_MS = 15_000;

/**
 * Telegram customers writing to one signed bot channel: each message is a Bot API update POSTed
 * to the channels webhook (from `clients` distinct chats), timed until its message.created event
 * (published once the message is stored) reaches a plain subscription on the same nats-server.
 */
export class TelegramTraffic {
  private readonly pending = new Map<string, number>();
  private readonly nextMessageId = new Map<number, number>();
  private latencies: number[] = [];
  private lastArrival = 0;
  /** Of any message.created, ours or left over from an earlier trial. */
  private lastEvent = 0;
  private sequence = 0;
  private cursor = 0;
  private eventBytes = 0;
  private events = 0;
  private readonly subscription: ReturnType<NatsConnection['subscribe']>;

  constructor(
    nc: NatsConnection,
    private readonly webhookUrl: string,
    private readonly secretToken: string,
    readonly clients: number,
    private readonly tag = `b${Date.now().toString(36)}`,
  ) {
    this.subscription = nc.subscribe(LinesEvents.message.created, {
      callback: (error, msg) => {
        if (error) return;
        this.lastEvent = performance.now();
        const body = (decodeJson(msg.data) as { message?: { body?: string } }).message?.body;
        const sentAt = body === undefined ? undefined : this.pending.get(body);
        if (sentAt === undefined) return;
        this.pending.delete(body as string);
        this.lastArrival = performance.now();
        this.latencies.push(this.lastArrival - sentAt);
        this.eventBytes += msg.data.length;
        this.events += 1;
      },
    });
  }

  /** Mean size of the message.created events seen (for the raw bus figure's payload). */
  meanEventBytes(): number {
    return this.events === 0 ? 0 : this.eventBytes / this.events;
  }

  /** The next client in turn, over all of them: steady traffic to sessions already open. */
  nextClient(): number {
    this.cursor = (this.cursor + 1) % this.clients;
    return this.cursor;
  }

  /** Sends `count` messages from `clientOf(i)` with at most `window` requests in flight. */
  async burst(
    count: number,
    window: number,
    clientOf: (i: number) => number,
  ): Promise<TrialResult> {
    return this.trial(count, async (send) => {
      let next = 0;
      const worker = async () => {
        while (next < count) await send(clientOf(next++));
      };
      await Promise.all(Array.from({ length: Math.min(window, count) }, worker));
    });
  }

  /** Offers `rate` messages a second for `seconds`, each to the next client in turn. */
  async paced(rate: number, seconds: number): Promise<TrialResult> {
    const count = Math.round(rate * seconds);
    return this.trial(count, async (send) => {
      const started = performance.now();
      const inFlight: Promise<void>[] = [];
      for (let sent = 0; sent < count;) {
        const due = Math.min(count, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
        for (; sent < due; sent += 1) inFlight.push(send(this.nextClient()));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await Promise.all(inFlight);
    });
  }

  async stop(): Promise<void> {
    this.subscription.unsubscribe();
  }

  /**
   * Waits until no message.created has arrived for `idleMs`: a trial that lagged leaves a
   * backlog the system keeps working off, which must not count against the next trial.
   */
  private async quiet(idleMs = 500, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (performance.now() - this.lastEvent < idleMs && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
  }

  private async trial(
    count: number,
    drive: (send: (client: number) => Promise<void>) => Promise<void>,
  ): Promise<TrialResult> {
    await this.quiet();
    this.latencies = [];
    let errors = 0;
    const first = performance.now();
    await drive(async (client) => {
      if (!(await this.post(client))) errors += 1;
    });
    const deadline = Date.now() + DRAIN_DEADLINE_MS;
    while (this.pending.size > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const complete = this.pending.size === 0;
    this.pending.clear();
    const delivered = this.latencies.length;
    return {
      sent: count,
      delivered,
      errors,
      p50: percentile(this.latencies, 0.5),
      p99: percentile(this.latencies, 0.99),
      max: percentile(this.latencies, 1),
      throughput: delivered === 0 ? 0 : (delivered / (this.lastArrival - first)) * 1000,
      complete: complete && errors === 0,
    };
  }

  /** One Telegram update from client `index`; true when the webhook answered 200. */
  private async post(index: number): Promise<boolean> {
    const messageId = (this.nextMessageId.get(index) ?? 0) + 1;
    this.nextMessageId.set(index, messageId);
    this.sequence += 1;
    const text = `${this.tag}:${this.sequence} hello, where is my order?`;
    this.pending.set(text, performance.now());
    const update = telegramUpdate(this.sequence, index, messageId, text);
    const ok = await postUpdate(this.webhookUrl, this.secretToken, update);
    if (!ok) this.pending.delete(text);
    return ok;
  }
}
