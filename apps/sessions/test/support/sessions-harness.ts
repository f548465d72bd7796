import {
  Actor,
  LINES_EVENTS_STREAM,
  LineChannelData,
  LineChannelType,
  LineData,
  LineSessionData,
  LinesEvents,
  LinesRpc,
  MessageInboundPayload,
  OpenLinesError,
  OperatorStatusType,
  inboundMessageEventId,
} from '@openlines/contracts';
import { EventPublisher, RpcClient } from '@openlines/messaging';
import { StoreFactory } from '@openlines/persistence';
import { TestService, startTestService, testNatsConfig, uniqueName, waitFor } from '@openlines/testing';
import { SessionsConfig, sessionsConfigFromEnv } from '../../src/config/sessions.config';
import { SessionsModule } from '../../src/sessions.module';
import { EventRecorder } from './event-recorder';
import { FakeDirectory, FakeDirectoryModule } from './fake-directory.module';

export interface HarnessOptions {
  config?: Partial<SessionsConfig>;
  storeFactory?: StoreFactory;
}

/** A line of the fake channels service with one channel and its groups. */
export interface LineFixture {
  line: LineData;
  channel: LineChannelData;
  operatorGroup: string;
  supervisorGroup: string;
}

/** The sessions service on the test NATS server, its fake neighbours, and an event recorder. */
export class SessionsHarness {
  private constructor(
    readonly directory: FakeDirectory,
    readonly events: EventRecorder,
    readonly publisher: EventPublisher,
    private readonly fakes: TestService,
    private service: TestService,
    readonly config: SessionsConfig,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<SessionsHarness> {
    const fakes = await startTestService(FakeDirectoryModule, { name: 'fake-directory' });
    const events = await new EventRecorder(fakes.nc).start();
    const config: SessionsConfig = {
      // The memory store unless a spec hands in its own (or MONGO_URL is set for the suite).
      ...sessionsConfigFromEnv({ ...process.env, STORE: 'memory' }),
      nats: testNatsConfig(),
      logLevel: process.env.LOG_LEVEL ?? 'warn',
      inboundDurable: uniqueName('sessions_inbound'),
      inboundDeliverPolicy: 'new',
      directoryCacheMs: 0,
      ...options.config,
    };
    const service = await SessionsHarness.startService(config, options.storeFactory);
    return new SessionsHarness(fakes.app.get(FakeDirectory), events, new EventPublisher(fakes.nc), fakes, service, config);
  }

  private static startService(config: SessionsConfig, storeFactory?: StoreFactory): Promise<TestService> {
    return startTestService(SessionsModule.forRoot(config, storeFactory ? { storeFactory } : {}), { name: 'sessions' });
  }

  /**
   * Stops the sessions service and starts a fresh instance with `config` (same durable, same store
   * if shared); `whileDown` runs in between (what a dying process wrote last).
   */
  async restart(config: Partial<SessionsConfig>, storeFactory?: StoreFactory, whileDown?: () => Promise<void>): Promise<void> {
    await this.service.close();
    await whileDown?.();
    this.service = await SessionsHarness.startService({ ...this.config, ...config }, storeFactory);
  }

  get app() {
    return this.service.app;
  }

  /** Calls the current instance as other services would. */
  get rpc(): RpcClient {
    return this.service.rpc;
  }

  call<T>(subject: string, payload: unknown): Promise<T> {
    return this.rpc.request<T>(subject, payload, { timeoutMs: 10_000 });
  }

  /** The error a call fails with (the test fails if it succeeds). */
  async failure(subject: string, payload: unknown): Promise<OpenLinesError> {
    const outcome = await this.call(subject, payload).then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error }),
    );
    if (!('error' in outcome)) throw new Error(`${subject} succeeded: ${JSON.stringify(outcome.reply)}`);
    if (!(outcome.error instanceof OpenLinesError)) throw outcome.error;
    return outcome.error;
  }

  seedLine(patch: Partial<LineData> = {}, type?: LineChannelType.telegramBot | LineChannelType.internal | LineChannelType.support): LineFixture {
    const operatorGroup = uniqueName('operators');
    const supervisorGroup = uniqueName('supervisors');
    const line = this.directory.addLine({ _operatorGroups: [operatorGroup], _supervisorGroups: [supervisorGroup], ...patch });
    return { line, channel: this.directory.addChannel(line.__id, type), operatorGroup, supervisorGroup };
  }

  async addOperator(groups: string[], status = OperatorStatusType.online, id = uniqueName('op')): Promise<string> {
    await this.call(LinesRpc.operators.upsert, { operatorId: id, groups });
    if (status !== OperatorStatusType.offline) await this.call(LinesRpc.operators.setStatus, { operatorId: id, status });
    return id;
  }

  /** A session in the queue, opened by the system for a new account. */
  openSession(fixture: LineFixture, account = uniqueName('acct')): Promise<LineSessionData> {
    return this.call(LinesRpc.sessions.create, { channelId: fixture.channel.__id, account, actor: { type: 'system' } });
  }

  inbound(fixture: LineFixture, account: string, externalMessageId: string, text: string): MessageInboundPayload {
    return {
      eventId: inboundMessageEventId({ channelId: fixture.channel.__id, chatId: account, externalMessageId }),
      occurredAt: new Date().toISOString(),
      channelId: fixture.channel.__id,
      lineId: fixture.line.__id,
      channelType: fixture.channel._type,
      account,
      externalMessageId,
      text,
      attachments: [],
      receivedAt: new Date().toISOString(),
    };
  }

  /** Resolves once every inbound event published so far has been handled and acknowledged. */
  async inboundDrained(timeoutMs = 60_000): Promise<void> {
    const jsm = await this.fakes.nc.jetstreamManager();
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(LINES_EVENTS_STREAM, this.config.inboundDurable);
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      { what: 'the inbound consumer to drain', timeoutMs, intervalMs: 50 },
    );
  }

  /** Publishes an inbound message as the channels service does. */
  async publishInbound(event: MessageInboundPayload): Promise<void> {
    await this.publisher.publish(LinesEvents.message.inbound, event);
  }

  async close(): Promise<void> {
    await this.service.close();
    await this.events.stop();
    const jsm = await this.fakes.nc.jetstreamManager();
    await jsm.consumers.delete(LINES_EVENTS_STREAM, this.config.inboundDurable).catch(() => undefined);
    await this.fakes.close();
  }
}

export const system: Actor = { type: 'system' };
export const operator = (id: string): Actor => ({ type: 'operator', id });
