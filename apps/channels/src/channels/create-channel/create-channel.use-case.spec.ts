import { EmbeddedOutboxRepository } from '@openlines/messaging';
import {
  ChannelCreateRequestSchema,
  ErrorCode,
  LineChannelType,
  LineCreateRequestSchema,
  OpenLinesError,
} from '@openlines/contracts';
import { MemoryStore } from '@openlines/persistence';
import { newLine } from '../../lines/domain/line.rules';
import { LineRepository } from '../../lines/persistence/line.repository';
import { LINES_COLLECTION_DEFINITION, LineDocument } from '../../lines/persistence/line.schema';
import { ChannelRepository } from '../persistence/channel.repository';
import { CHANNELS_COLLECTION_DEFINITION, ChannelDocument } from '../persistence/channel.schema';
import { CreateChannelUseCase } from './create-channel.use-case';

const now = new Date('2024-05-01T10:00:00.000Z');
const livechat = (line: string, publicKey = 'pk-site-0001') =>
  ChannelCreateRequestSchema.parse({
    __name: 'Site',
    _line: line,
    _type: LineChannelType.livechat,
    _settings: { publicKey },
  });

async function codeOf(work: Promise<unknown>): Promise<ErrorCode | undefined> {
  try {
    await work;
  } catch (error) {
    return (error as OpenLinesError).code;
  }
  return undefined;
}

describe('CreateChannelUseCase', () => {
  let channelStore: MemoryStore<ChannelDocument>;
  let lines: LineRepository;
  let createChannel: CreateChannelUseCase;
  let kicks: number;

  beforeEach(async () => {
    channelStore = new MemoryStore('channels', CHANNELS_COLLECTION_DEFINITION);
    lines = new LineRepository(new MemoryStore<LineDocument>('lines', LINES_COLLECTION_DEFINITION));
    kicks = 0;
    createChannel = new CreateChannelUseCase(
      new ChannelRepository(channelStore),
      lines,
      { kick: () => (kicks += 1) },
      () => now,
    );
    await lines.insert(
      newLine(LineCreateRequestSchema.parse({ __name: 'Support' }), 'line-1', now),
      [],
    );
    const deleted = newLine(LineCreateRequestSchema.parse({ __name: 'Old' }), 'line-old', now);
    await lines.insert({ ...deleted, __deletedAt: now.toISOString() }, []);
  });

  it('creates an active channel and stores its channel.changed event with it', async () => {
    const channel = await createChannel.execute(livechat('line-1'));
    expect(channel).toMatchObject({
      _state: 'active',
      _line: 'line-1',
      _type: 'livechat',
      _settings: { publicKey: 'pk-site-0001' },
    });
    const [record] = await new EmbeddedOutboxRepository(channelStore).listPending(10);
    expect(record.subject).toBe('lines.events.channel.changed.v1');
    expect(record.payload).toEqual({
      eventId: `channel.changed:${channel.__id}:1`,
      occurredAt: now.toISOString(),
      channelId: channel.__id,
      lineId: 'line-1',
      state: 'active',
      previousState: 'disconnected',
      reason: 'created',
    });
    expect(kicks).toBe(1);
  });

  it('refuses a line that does not exist or is deleted', async () => {
    expect(await codeOf(createChannel.execute(livechat('line-x')))).toBe(ErrorCode.NotFound);
    expect(await codeOf(createChannel.execute(livechat('line-old')))).toBe(ErrorCode.NotFound);
    expect(await channelStore.count()).toBe(0);
  });

  it('refuses a second live chat with the same public key', async () => {
    await createChannel.execute(livechat('line-1'));
    expect(await codeOf(createChannel.execute(livechat('line-1')))).toBe(ErrorCode.Conflict);
    expect(await channelStore.count()).toBe(1);
  });
});
