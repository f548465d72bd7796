import { EmbeddedOutboxRepository } from '@openlines/messaging';
import {
  ClientChangedPayload,
  ClientFindOrCreateRequestSchema,
  ErrorCode,
  LineChannelType,
  OpenLinesError,
} from '@openlines/contracts';
import { MemoryStore } from '@openlines/persistence';
import { LinesDirectory } from '../../lines-directory/lines-directory';
import { ClientRepository } from '../persistence/client.repository';
import { CLIENTS_COLLECTION_DEFINITION, ClientDocument } from '../persistence/client.schema';
import { FindOrCreateClientUseCase } from './find-or-create-client.use-case';

const now = new Date('2024-05-01T10:00:00.000Z');
const directory: LinesDirectory = {
  channel: async (id) => {
    if (id !== 'ch-1') throw OpenLinesError.notFound('channel', id);
    return { id, type: LineChannelType.telegramBot, lineId: 'line-1' };
  },
  line: async (id) => {
    throw OpenLinesError.notFound('line', id);
  },
};
const request = (extra: Record<string, unknown> = {}) =>
  ClientFindOrCreateRequestSchema.parse({
    channelId: 'ch-1',
    account: 'ann_k',
    displayName: 'Ann',
    externalId: '42',
    ...extra,
  });

describe('FindOrCreateClientUseCase', () => {
  let store: MemoryStore<ClientDocument>;
  let useCase: FindOrCreateClientUseCase;
  const events = async () =>
    (await new EmbeddedOutboxRepository(store).listPending(1000)).map(
      (r) => r.payload as ClientChangedPayload,
    );

  beforeEach(() => {
    store = new MemoryStore('clients', CLIENTS_COLLECTION_DEFINITION);
    useCase = new FindOrCreateClientUseCase(
      new ClientRepository(store),
      directory,
      { kick: () => undefined },
      () => now,
    );
  });

  it('creates the client once and finds it afterwards', async () => {
    const first = await useCase.execute(request());
    const second = await useCase.execute(request());
    expect(first).toMatchObject({
      created: true,
      client: { __name: 'Ann', _username: 'ann_k', _externalId: '42', _channel: 'ch-1' },
    });
    expect(second).toEqual({ created: false, client: first.client });
    expect(await events()).toHaveLength(1);
  });

  it('gives 50 racing requests one client and one event', async () => {
    const replies = await Promise.all(Array.from({ length: 50 }, () => useCase.execute(request())));
    expect(new Set(replies.map((r) => r.client.__id)).size).toBe(1);
    expect(replies.filter((r) => r.created)).toHaveLength(1);
    expect(await store.count()).toBe(1);
    expect(await events()).toHaveLength(1);
  });

  it('fills in extra data the client lacks and keeps what it has', async () => {
    await useCase.execute(request({ extraData: { phone: '+100' } }));
    const { client } = await useCase.execute(
      request({ extraData: { phone: '+200', languageCode: 'en' } }),
    );
    expect(client._extraData).toEqual({ phone: '+100', languageCode: 'en' });
    expect((await events())[1].changes).toEqual([
      {
        field: '_extraData',
        oldValue: { phone: '+100' },
        newValue: { phone: '+100', languageCode: 'en' },
      },
    ]);
  });

  it('answers NOT_FOUND for a channel the channels service does not know', async () => {
    await expect(useCase.execute(request({ channelId: 'ch-x' }))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });
});
