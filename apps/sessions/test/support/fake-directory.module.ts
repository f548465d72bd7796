import { Controller, Injectable, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ByIdRequestSchema,
  ClientFindOrCreateReply,
  ClientFindOrCreateRequestSchema,
  LINE_DEFAULTS,
  LineChannelData,
  LineChannelState,
  LineChannelType,
  LineClientBlockedStatus,
  LineClientData,
  LineData,
  LinesRpc,
  OpenLinesError,
  validate,
} from '@openlines/contracts';
import { MessagingModule } from '@openlines/messaging';
import { uniqueName } from '@openlines/testing';

const stamps = () => {
  const at = new Date().toISOString();
  return { __createdAt: at, __createdBy: 'system', __updatedAt: at, __updatedBy: 'system' };
};

/**
 * The channels and clients services as far as the sessions service asks them, kept in memory and
 * answering on the test NATS server (real responders: NATS itself is never mocked).
 */
@Injectable()
export class FakeDirectory {
  readonly lines = new Map<string, LineData>();
  readonly channels = new Map<string, LineChannelData>();
  readonly clients = new Map<string, LineClientData>();
  findOrCreateCalls = 0;

  addLine(patch: Partial<LineData> = {}): LineData {
    const line: LineData = {
      __id: uniqueName('line'),
      __name: 'Support',
      ...stamps(),
      ...LINE_DEFAULTS,
      _operatorGroups: [],
      _supervisorGroups: [],
      _requestApps: [],
      ...patch,
    };
    this.lines.set(line.__id, line);
    return line;
  }

  updateLine(lineId: string, patch: Partial<LineData>): void {
    const line = this.lines.get(lineId);
    if (line) this.lines.set(lineId, { ...line, ...patch });
  }

  addChannel(lineId: string, type: LineChannelType.telegramBot | LineChannelType.internal | LineChannelType.support = LineChannelType.telegramBot): LineChannelData {
    const channel = {
      __id: uniqueName('channel'),
      __name: `${type} channel`,
      ...stamps(),
      _line: lineId,
      _state: LineChannelState.active,
      _type: type,
      _settings: {},
    } as LineChannelData;
    this.channels.set(channel.__id, channel);
    return channel;
  }

  clientOf(channelId: string, account: string): LineClientData {
    const key = `${channelId}|${account}`;
    let client = this.clients.get(key);
    if (client === undefined) {
      client = {
        __id: uniqueName('client'),
        __name: account,
        ...stamps(),
        _channel: channelId,
        _username: account,
        _externalId: account,
        _extraData: {},
        _blockedStatus: LineClientBlockedStatus.notBlocked,
      };
      this.clients.set(key, client);
    }
    return client;
  }

  block(channelId: string, account: string): LineClientData {
    const blocked = { ...this.clientOf(channelId, account), _blockedStatus: LineClientBlockedStatus.blocked };
    this.clients.set(`${channelId}|${account}`, blocked);
    return blocked;
  }
}

@Controller()
class FakeDirectoryController {
  constructor(private readonly directory: FakeDirectory) {}

  @MessagePattern(LinesRpc.lines.get)
  line(@Payload() payload: unknown): LineData {
    const { id } = validate(ByIdRequestSchema, payload, 'lines.get');
    const line = this.directory.lines.get(id);
    if (line === undefined) throw OpenLinesError.notFound('line', id);
    return line;
  }

  @MessagePattern(LinesRpc.channels.get)
  channel(@Payload() payload: unknown): LineChannelData {
    const { id } = validate(ByIdRequestSchema, payload, 'channels.get');
    const channel = this.directory.channels.get(id);
    if (channel === undefined) throw OpenLinesError.notFound('channel', id);
    return channel;
  }

  @MessagePattern(LinesRpc.clients.findOrCreate)
  client(@Payload() payload: unknown): ClientFindOrCreateReply {
    const request = validate(ClientFindOrCreateRequestSchema, payload, 'clients.findOrCreate');
    this.directory.findOrCreateCalls += 1;
    const existed = this.directory.clients.has(`${request.channelId}|${request.account}`);
    return { client: this.directory.clientOf(request.channelId, request.account), created: !existed };
  }
}

@Module({
  imports: [MessagingModule.forRoot({ serviceName: 'fake-directory' })],
  controllers: [FakeDirectoryController],
  providers: [FakeDirectory],
})
export class FakeDirectoryModule {}
