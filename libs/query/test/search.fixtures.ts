import {
  LineChannelState,
  LineChannelType,
  LineSessionPriority,
  LineSessionState,
  SearchRequest,
} from '@openlines/contracts';
import { DocumentStore, MemoryStoreFactory } from '@openlines/persistence';
import {
  CompiledSearch,
  EntityFieldSpec,
  SearchExecutor,
  compileCountRequest,
  compileSearchRequest,
  defineEntityFields,
} from '../src';

/** The searchable fields of sessions and channels, as the services would declare them. */
export const SESSION_FIELDS = defineEntityFields({
  _state: { type: 'enum', values: Object.values(LineSessionState) },
  _priority: { type: 'enum', values: Object.values(LineSessionPriority) },
  _line: { type: 'ref' },
  _channel: { type: 'ref' },
  _clients: { type: 'refArray' },
  _userId: { type: 'ref' },
  _lastActivityAt: { type: 'date' },
  _externalChatName: { type: 'string' },
  _version: { type: 'number' },
});
export const CHANNEL_FIELDS = defineEntityFields({
  _type: { type: 'enum', values: Object.values(LineChannelType) },
  _state: { type: 'enum', values: Object.values(LineChannelState) },
  _line: { type: 'ref' },
});

export type Doc = Record<string, unknown> & { __id: string };

/**
 * What a service does with a search that arrived over NATS: the request crosses as JSON, is
 * compiled against the entity's fields, and runs on the store. Every compiled search is kept.
 */
export function storeExecutor(store: DocumentStore<Doc>, fields: EntityFieldSpec) {
  const compiled: CompiledSearch[] = [];
  const executor: SearchExecutor<Doc> = {
    async search(request: SearchRequest) {
      const query = compileSearchRequest(fields, JSON.parse(JSON.stringify(request)));
      compiled.push(query);
      return store.find(query.filter, { sort: query.sort, skip: query.skip, limit: query.limit });
    },
    async count(request) {
      const { filter } = compileCountRequest(fields, JSON.parse(JSON.stringify(request)));
      compiled.push({ filter, sort: {}, skip: 0, limit: 0 });
      return store.count(filter);
    },
  };
  return { executor, compiled };
}

const at = (day: number) => new Date(Date.UTC(2024, 0, day, 9)).toISOString();

export function sessionDocs(): Doc[] {
  const base = {
    _line: 'line-1',
    _channel: 'ch-tg',
    _priority: LineSessionPriority.Medium,
    _version: 1,
  };
  return [
    {
      ...base,
      __id: 's1',
      __name: 'Ann Lee',
      _state: LineSessionState.Waiting,
      _clients: ['c-ann'],
      _lastActivityAt: at(1),
    },
    {
      ...base,
      __id: 's2',
      __name: 'Bob Stone',
      _state: LineSessionState.Closed,
      _clients: ['c-bob'],
      _lastActivityAt: at(2),
    },
    {
      ...base,
      __id: 's3',
      __name: 'ann (group)',
      _state: LineSessionState.AssignedToOperator,
      _clients: ['c-ann', 'c-bob'],
      _userId: 'op-1',
      _lastActivityAt: at(3),
    },
    {
      ...base,
      __id: 's4',
      __name: 'Old Ann',
      _state: LineSessionState.Waiting,
      _clients: ['c-ann'],
      _lastActivityAt: at(4),
      __deletedAt: at(5),
    },
    {
      ...base,
      __id: 's5',
      __name: 'Cid',
      _state: LineSessionState.MarkedAsSpam,
      _clients: ['c-cid'],
      _channel: 'ch-wa',
      _lastActivityAt: at(6),
    },
  ];
}

export function channelDocs(): Doc[] {
  return [
    {
      __id: 'ch-tg',
      __name: 'Telegram bot',
      _type: LineChannelType.telegramBot,
      _state: LineChannelState.active,
      _line: 'line-1',
    },
    {
      __id: 'ch-wa',
      __name: 'WhatsApp',
      _type: LineChannelType.whatsapp,
      _state: LineChannelState.disconnected,
      _line: 'line-1',
    },
    {
      __id: 'ch-web',
      __name: 'Site widget',
      _type: LineChannelType.livechat,
      _state: LineChannelState.active,
      _line: 'line-2',
    },
  ];
}

export async function seededStores() {
  const factory = new MemoryStoreFactory();
  const sessions = factory.createStore<Doc>('sessions', { versionField: '_version' });
  const channels = factory.createStore<Doc>('channels');
  await sessions.insertMany(sessionDocs());
  await channels.insertMany(channelDocs());
  return { sessions, channels };
}
