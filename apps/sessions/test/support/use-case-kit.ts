import { INestApplicationContext, Module, Provider, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Actor, LineChannelType, LineData, OperatorStatusType } from '@openlines/contracts';
import { EventPublisher, NATS_CONNECTION, NatsConnection } from '@openlines/messaging';
import { LOGGER } from '@openlines/observability';
import { MemoryStoreFactory, STORE_FACTORY, StoreFactory } from '@openlines/persistence';
import { connectTestNats, testLogger, uniqueName } from '@openlines/testing';
import { SESSIONS_CONFIG, sessionsConfigFromEnv } from '../../src/config/sessions.config';
import { ClientDirectory, LineDirectory } from '../../src/directory/directory.ports';
import { InboundMessageListener } from '../../src/message/inbound/inbound-message.listener';
import { MESSAGE_PROVIDERS } from '../../src/message/message.providers';
import { OPERATOR_PROVIDERS } from '../../src/operator/operator.providers';
import { OperatorRepository } from '../../src/operator/persistence/operator.repository';
import { SessionRepository } from '../../src/session/persistence/session.repository';
import { SessionDocument } from '../../src/session/persistence/session.schema';
import { SESSION_PROVIDERS } from '../../src/session/session.providers';
import { InMemoryDirectory } from './in-memory-directory';
import { LineFixture } from './sessions-harness';

/**
 * The sessions service's use cases wired as in production, in-process: memory store, the
 * directory ports answered in memory, and the outbox relay switched off so that a spec reads the
 * events a use case wrote from the session's outbox. (The service specs in test/ cover the NATS side.)
 */
export class UseCaseKit {
  private constructor(
    readonly app: INestApplicationContext,
    readonly directory: InMemoryDirectory,
    private readonly nc: NatsConnection,
  ) {}

  static async start(): Promise<UseCaseKit> {
    const nc = await connectTestNats('use-case-kit');
    const directory = new InMemoryDirectory();
    const providers: Provider[] = [
      ...SESSION_PROVIDERS,
      ...MESSAGE_PROVIDERS.filter((provider) => provider !== InboundMessageListener),
      ...OPERATOR_PROVIDERS,
      { provide: SESSIONS_CONFIG, useValue: { ...sessionsConfigFromEnv({}), outboxRelayEnabled: false } },
      { provide: STORE_FACTORY, useValue: new MemoryStoreFactory() },
      { provide: LOGGER, useValue: testLogger('use-case') },
      { provide: EventPublisher, useValue: new EventPublisher(nc) },
      { provide: NATS_CONNECTION, useValue: nc },
      { provide: LineDirectory, useValue: directory },
      { provide: ClientDirectory, useValue: directory },
    ];
    @Module({ providers })
    class UseCaseKitModule {}
    const app = await NestFactory.createApplicationContext(UseCaseKitModule, { logger: false });
    return new UseCaseKit(app, directory, nc);
  }

  get<T>(type: Type<T>): T {
    return this.app.get(type);
  }

  /** The in-memory database, to play a crash (a document written, its sibling not). */
  get store(): StoreFactory {
    return this.app.get<string, StoreFactory>(STORE_FACTORY);
  }

  seedLine(patch: Partial<LineData> = {}, type?: LineChannelType.telegramBot | LineChannelType.internal | LineChannelType.support): LineFixture {
    const operatorGroup = uniqueName('operators');
    const supervisorGroup = uniqueName('supervisors');
    const line = this.directory.data.addLine({ _operatorGroups: [operatorGroup], _supervisorGroups: [supervisorGroup], ...patch });
    return { line, channel: this.directory.data.addChannel(line.__id, type), operatorGroup, supervisorGroup };
  }

  async addOperator(groups: string[], status = OperatorStatusType.online): Promise<string> {
    const id = uniqueName('op');
    const operators = this.get(OperatorRepository);
    await operators.upsert(id, id, groups, new Date().toISOString());
    await operators.setStatus(id, status, new Date().toISOString());
    return id;
  }

  /** The stored document, with its outbox. */
  async stored(sessionId: string): Promise<SessionDocument> {
    const doc = await this.get(SessionRepository).findById(sessionId);
    if (doc === null) throw new Error(`no session ${sessionId}`);
    return doc;
  }

  /** Subjects of the events waiting in the session's outbox, in order. */
  async outboxSubjects(sessionId: string): Promise<string[]> {
    return (await this.stored(sessionId))._outbox.map((event) => event.subject);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.nc.drain();
  }
}

export const system: Actor = { type: 'system' };
export const operator = (id: string): Actor => ({ type: 'operator', id });
