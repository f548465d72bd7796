import { EmbeddedOutboxRepository } from '@openlines/messaging';
import { ErrorCode, LineCreateRequestSchema } from '@openlines/contracts';
import { MemoryStore } from '@openlines/persistence';
import { CreateLineUseCase } from '../create-line/create-line.use-case';
import { DeleteLineUseCase } from '../delete-line/delete-line.use-case';
import { LineRepository } from '../persistence/line.repository';
import { LINES_COLLECTION_DEFINITION, LineDocument } from '../persistence/line.schema';
import { UpdateLineUseCase } from './update-line.use-case';

const now = new Date('2024-05-01T10:00:00.000Z');
const noKick = { kick: () => undefined };

describe('line use cases', () => {
  let store: MemoryStore<LineDocument>;
  let lines: LineRepository;
  let connected: number;
  let create: CreateLineUseCase;
  let update: UpdateLineUseCase;
  let remove: DeleteLineUseCase;
  const events = async () =>
    (await new EmbeddedOutboxRepository(store).listPending(100)).map((r) => r.payload);

  beforeEach(() => {
    store = new MemoryStore('lines', LINES_COLLECTION_DEFINITION);
    lines = new LineRepository(store);
    connected = 0;
    create = new CreateLineUseCase(lines, noKick, () => now);
    update = new UpdateLineUseCase(lines, noKick, () => now);
    remove = new DeleteLineUseCase(
      lines,
      { countConnected: async () => connected },
      noKick,
      () => now,
    );
  });

  it('creates, updates and deletes with one line.changed per change, carrying the line', async () => {
    const line = await create.execute(
      LineCreateRequestSchema.parse({ __name: 'Support', _bot: 'bot-1' }),
    );
    await update.execute(line.__id, { _botFirst: true, _operatorCapacity: 2 });
    await update.execute(line.__id, { _operatorCapacity: 2 });
    const deleted = await remove.execute(line.__id);
    expect(deleted.__deletedAt).toBe(now.toISOString());
    const written = await events();
    expect(written.map((e) => e.eventId)).toEqual(
      [1, 2, 3].map((v) => `line.changed:${line.__id}:${v}`),
    );
    expect(written[1]).toMatchObject({
      changes: [
        { field: '_botFirst', oldValue: false, newValue: true },
        { field: '_operatorCapacity', oldValue: 5, newValue: 2 },
      ],
      line: { _botFirst: true, _operatorCapacity: 2, _version: 2 },
    });
    expect(written[2]).toMatchObject({
      changes: [{ field: '__deletedAt', oldValue: null, newValue: now.toISOString() }],
    });
  });

  it('keeps every field of concurrent updates', async () => {
    const line = await create.execute(LineCreateRequestSchema.parse({ __name: 'Support' }));
    await Promise.all([
      update.execute(line.__id, { _operatorGroups: ['g1'] }),
      update.execute(line.__id, { _targetReplySeconds: 30 }),
      update.execute(line.__id, { __name: 'Help' }),
    ]);
    expect(await lines.getById(line.__id)).toMatchObject({
      __name: 'Help',
      _operatorGroups: ['g1'],
      _targetReplySeconds: 30,
      _version: 4,
    });
  });

  it('refuses to delete a line whose channels still take messages', async () => {
    const line = await create.execute(LineCreateRequestSchema.parse({ __name: 'Support' }));
    connected = 2;
    await expect(remove.execute(line.__id)).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      details: { connectedChannels: 2 },
    });
    expect((await lines.getById(line.__id)).__deletedAt).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown line', async () => {
    await expect(update.execute('nope', { __name: 'x' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });
});
