import { Provider } from '@nestjs/common';
import { RpcClient } from '@openlines/messaging';
import { STORE_FACTORY, StoreFactory, createStoreFactory } from '@openlines/persistence';
import { CLIENTS_CONFIG, ClientsConfig } from '../config/clients.config';
import { LinesDirectory } from '../lines-directory/lines-directory';
import { RpcLinesDirectory } from '../lines-directory/rpc-lines-directory';
import { ClientOutboxRelay } from '../store/client-outbox.relay';
import { StoreHealth } from '@openlines/persistence';
import { BlockClientHandler } from './block-client/block-client.handler';
import { BlockClientUseCase } from './block-client/block-client.use-case';
import { FindClientsHandler } from './find-clients/find-clients.handler';
import { FindClientsUseCase } from './find-clients/find-clients.use-case';
import { FindOrCreateClientHandler } from './find-or-create-client/find-or-create-client.handler';
import { FindOrCreateClientUseCase } from './find-or-create-client/find-or-create-client.use-case';
import { ClientRepository } from './persistence/client.repository';
import {
  CLIENTS_COLLECTION,
  CLIENTS_COLLECTION_DEFINITION,
  ClientDocument,
} from './persistence/client.schema';
import { SaveClientHandler } from './save-client/save-client.handler';
import { SaveClientUseCase } from './save-client/save-client.use-case';

export const LINES_DIRECTORY = Symbol.for('openlines:clients:lines-directory');

/** lines.clients.* */
export const CLIENT_HANDLERS = [
  FindOrCreateClientHandler,
  SaveClientHandler,
  BlockClientHandler,
  FindClientsHandler,
];

type Writer<T> = new (
  clients: ClientRepository,
  directory: LinesDirectory,
  outbox: ClientOutboxRelay,
) => T;
const writer = <T>(useCase: Writer<T>): Provider => ({
  provide: useCase,
  inject: [ClientRepository, LINES_DIRECTORY, ClientOutboxRelay],
  useFactory: (clients: ClientRepository, directory: LinesDirectory, outbox: ClientOutboxRelay) =>
    new useCase(clients, directory, outbox),
});

export const CLIENT_PROVIDERS: Provider[] = [
  {
    provide: STORE_FACTORY,
    inject: [CLIENTS_CONFIG],
    useFactory: (config: ClientsConfig) =>
      createStoreFactory(config.store, { appName: config.serviceName }),
  },
  {
    provide: ClientRepository,
    inject: [STORE_FACTORY],
    useFactory: (stores: StoreFactory) =>
      new ClientRepository(
        stores.createStore<ClientDocument>(CLIENTS_COLLECTION, CLIENTS_COLLECTION_DEFINITION),
      ),
  },
  {
    provide: LINES_DIRECTORY,
    inject: [RpcClient, CLIENTS_CONFIG],
    useFactory: (rpc: RpcClient, config: ClientsConfig) =>
      new RpcLinesDirectory(rpc, config.rpcTimeoutMs),
  },
  StoreHealth,
  ClientOutboxRelay,
  writer(FindOrCreateClientUseCase),
  writer(SaveClientUseCase),
  writer(BlockClientUseCase),
  {
    provide: FindClientsUseCase,
    inject: [ClientRepository],
    useFactory: (clients: ClientRepository) => new FindClientsUseCase(clients),
  },
];
