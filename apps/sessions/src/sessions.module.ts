import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { STORE_FACTORY, StoreFactory, createStoreProvider } from '@openlines/persistence';
import { SESSIONS_CONFIG, SessionsConfig, sessionsConfigFromEnv } from './config/sessions.config';
import { MESSAGE_HANDLERS, MESSAGE_PROVIDERS } from './message/message.providers';
import { OPERATOR_HANDLERS, OPERATOR_PROVIDERS } from './operator/operator.providers';
import { SessionsHealth } from './sessions.health';
import { SESSION_HANDLERS, SESSION_PROVIDERS } from './session/session.providers';

export interface SessionsModuleOptions {
  /** The store to use instead of the one config.store selects (tests: one store shared by two instances). */
  storeFactory?: StoreFactory;
}

/**
 * The sessions service: sessions and their messages, the queue, routing and assignment, operator
 * presence and capacity (RPC lines.sessions.*, lines.messages.*, lines.operators.*; session and
 * message events through the sessions' outboxes). It asks the channels service about lines and
 * channels and the clients service about clients, over RPC.
 */
@Module({})
export class SessionsModule {
  static forRoot(config: SessionsConfig = sessionsConfigFromEnv(), options: SessionsModuleOptions = {}): DynamicModule {
    const store =
      options.storeFactory === undefined
        ? createStoreProvider(config.store, { appName: config.serviceName })
        : { provide: STORE_FACTORY, useValue: options.storeFactory };
    return {
      module: SessionsModule,
      imports: [
        MessagingModule.forRoot({
          serviceName: config.serviceName,
          natsConfig: config.nats,
          logger: createLogger(config.serviceName, { level: config.logLevel }),
        }),
      ],
      controllers: [...SESSION_HANDLERS, ...MESSAGE_HANDLERS, ...OPERATOR_HANDLERS],
      providers: [
        { provide: SESSIONS_CONFIG, useValue: config },
        store,
        SessionsHealth,
        ...SESSION_PROVIDERS,
        ...MESSAGE_PROVIDERS,
        ...OPERATOR_PROVIDERS,
      ],
    };
  }
}
