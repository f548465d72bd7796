import {
  ClientFindOrCreateRequestSchema,
  ErrorCode,
  LineChannelType,
  LineData,
  OpenLinesError,
} from '@openlines/contracts';
import { MemoryStore } from '@openlines/persistence';
import { BlockClientUseCase } from '../block-client/block-client.use-case';
import { newClient } from '../domain/client.rules';
import { ClientRepository } from '../persistence/client.repository';
import { CLIENTS_COLLECTION_DEFINITION } from '../persistence/client.schema';
import { LinesDirectory } from '../../lines-directory/lines-directory';
import { SaveClientUseCase } from './save-client.use-case';

const now = new Date('2024-05-01T10:00:00.000Z');
const line = { __id: 'line-1', _accountApp: { namespace: 'crm', code: 'contacts' } } as LineData;
const directory: LinesDirectory = {
  channel: async (id) => ({
    id,
    type: id === 'staff' ? LineChannelType.internal : LineChannelType.telegramBot,
    lineId: 'line-1',
  }),
  line: async (id) => {
    if (id !== 'line-1') throw OpenLinesError.notFound('line', id);
    return line;
  },
};

describe('saving and blocking clients', () => {
  let clients: ClientRepository;
  let save: SaveClientUseCase;
  let blocks: BlockClientUseCase;

  beforeEach(async () => {
    clients = new ClientRepository(new MemoryStore('clients', CLIENTS_COLLECTION_DEFINITION));
    const kick = { kick: () => undefined };
    save = new SaveClientUseCase(clients, directory, kick, () => now);
    blocks = new BlockClientUseCase(clients, directory, kick, () => now);
    for (const [id, channelId] of [
      ['ann', 'tg'],
      ['bob', 'staff'],
    ]) {
      const input = ClientFindOrCreateRequestSchema.parse({ channelId, account: id });
      await clients.insert(
        newClient(input, (await directory.channel(channelId)).type, id, now),
        [],
      );
    }
  });

  it('links an item of the app the line binds for accounts, and unlinks it', async () => {
    const item = { namespace: 'crm', code: 'contacts', id: 'contact-1' };
    expect(await save.execute('ann', { _applicationItem: item })).toMatchObject({
      _applicationItem: item,
    });
    expect(await save.execute('ann', { _applicationItem: null })).not.toHaveProperty(
      '_applicationItem',
    );
  });

  it('forbids an item of another app and writes nothing', async () => {
    const item = { namespace: 'crm', code: 'companies', id: 'co-1' };
    await expect(
      save.execute('ann', { _applicationItem: item, __name: 'Ann' }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect((await clients.getById('ann')).__name).toBe('ann');
  });

  it('blocks on the client line until a time and unblocks', async () => {
    const blocked = await blocks.block('ann', { until: '2024-06-01T00:00:00Z', lineId: 'line-1' });
    expect(blocked).toMatchObject({
      _blockedStatus: 'blocked',
      _blockedUntil: '2024-06-01T00:00:00.000Z',
      _blockedLine: 'line-1',
    });
    const free = await blocks.unblock('ann');
    expect(free._blockedStatus).toBe('notBlocked');
    expect(free).not.toHaveProperty('_blockedUntil');
    expect(free).not.toHaveProperty('_blockedLine');
  });

  it('refuses a block on another line, naming lineId', async () => {
    await expect(blocks.block('ann', { lineId: 'line-2' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      details: { issues: [{ field: 'lineId', message: 'Client ann writes to line line-1 only' }] },
    });
  });

  it('forbids blocking an employee', async () => {
    await expect(blocks.block('bob', {})).rejects.toMatchObject({ code: ErrorCode.Forbidden });
  });
});
