import { LineChannelType } from '../enums';
import { LinesRpc, RpcReply, RpcRequest, RpcSubject } from '../rpc';
import { AT, sampleChannel, sampleClient, sampleLine } from './data-samples.fixture';

/** A valid request and reply per subject (test-only); typed, so it checks at compile time. */
export type RpcSamples<S extends RpcSubject> = {
  [K in S]: { request: RpcRequest<K>; reply: RpcReply<K> };
};

type CoreSubject = Extract<RpcSubject, `lines.${'lines' | 'channels' | 'clients'}.${string}`>;

const L = LinesRpc;
export const SAMPLE_SEARCH = { filter: { field: '__deletedAt', op: 'eq', value: null }, size: 20 };
export const SAMPLE_COUNT = { reply: { count: 1 } };

/** lines, channels, clients. */
export const CORE_RPC_SAMPLES: RpcSamples<CoreSubject> = {
  [L.lines.create]: { request: { __name: 'Support' }, reply: sampleLine },
  [L.lines.update]: {
    request: { id: 'line-1', data: { _bot: null, _operatorCapacity: 3 } },
    reply: sampleLine,
  },
  [L.lines.delete]: { request: { id: 'line-1' }, reply: { ...sampleLine, __deletedAt: AT } },
  [L.lines.get]: { request: { id: 'line-1' }, reply: sampleLine },
  [L.lines.search]: { request: SAMPLE_SEARCH, reply: { items: [sampleLine] } },
  [L.lines.count]: { request: {}, ...SAMPLE_COUNT },
  [L.channels.create]: {
    request: {
      __name: 'Bot',
      _line: 'line-1',
      _type: LineChannelType.telegramBot,
      _settings: { botToken: '123:abc', secretToken: 'a-very-long-secret-token' },
    },
    reply: sampleChannel,
  },
  [L.channels.update]: {
    request: { id: 'channel-1', data: { _settings: { botToken: '1:x' } } },
    reply: sampleChannel,
  },
  [L.channels.delete]: { request: { id: 'channel-1' }, reply: sampleChannel },
  [L.channels.get]: { request: { id: 'channel-1' }, reply: sampleChannel },
  [L.channels.search]: { request: {}, reply: { items: [sampleChannel] } },
  [L.channels.count]: { request: { filter: SAMPLE_SEARCH.filter }, ...SAMPLE_COUNT },
  [L.channels.disconnect]: {
    request: { id: 'channel-1', reason: 'holiday' },
    reply: sampleChannel,
  },
  [L.channels.reconnect]: { request: { id: 'channel-1' }, reply: sampleChannel },
  [L.channels.markError]: {
    request: { id: 'channel-1', reason: '401 from Telegram' },
    reply: sampleChannel,
  },
  [L.clients.findOrCreate]: {
    request: {
      channelId: 'channel-1',
      account: 'ann',
      displayName: 'Ann',
      extraData: { phone: '+100' },
    },
    reply: { client: sampleClient, created: true },
  },
  [L.clients.get]: { request: { id: 'client-1' }, reply: sampleClient },
  [L.clients.search]: { request: SAMPLE_SEARCH, reply: { items: [sampleClient] } },
  [L.clients.count]: { request: {}, ...SAMPLE_COUNT },
  [L.clients.save]: {
    request: {
      id: 'client-1',
      data: { _applicationItem: { namespace: 'crm', code: 'contacts', id: 'c-1' } },
    },
    reply: sampleClient,
  },
  [L.clients.block]: {
    request: { id: 'client-1', until: AT, lineId: 'line-1' },
    reply: sampleClient,
  },
  [L.clients.unblock]: { request: { id: 'client-1' }, reply: sampleClient },
};
