import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ByIdRequestSchema,
  LineChannelData,
  LineChannelState,
  LineChannelType,
  LineData,
  LinesRpc,
  OpenLinesError,
  validate,
} from '@openlines/contracts';

const AT = '2024-05-01T10:00:00.000Z';
const system = (id: string, name: string) => ({
  __id: id,
  __name: name,
  __createdAt: AT,
  __createdBy: 'system',
  __updatedAt: AT,
  __updatedBy: 'system',
});

/** What the fake channels service knows; specs add to it. */
export const FAKE_LINES = new Map<string, LineData>();
export const FAKE_CHANNELS = new Map<string, LineChannelData>();

export function addLine(id: string, accountApp?: { namespace: string; code: string }): LineData {
  const line: LineData = {
    ...system(id, `Line ${id}`),
    _operatorGroups: [],
    _supervisorGroups: [],
    ...(accountApp ? { _accountApp: accountApp } : {}),
    _requestApps: [],
    _sessionNameTemplate: '{clientName}',
    _distribution: 'manual',
    _operatorCapacity: 5,
    _botFirst: false,
    _requeueOnOffline: false,
    _targetReplySeconds: 60,
  };
  FAKE_LINES.set(id, line);
  return line;
}

export function addChannel(
  id: string,
  type: LineChannelType.telegram | LineChannelType.internal,
  lineId: string,
): LineChannelData {
  const settings = type === LineChannelType.telegram ? { phoneNumber: '+15550001', apiId: 1 } : {};
  const channel = {
    ...system(id, `${type} ${id}`),
    _type: type,
    _state: LineChannelState.active,
    _line: lineId,
    _settings: settings,
  };
  FAKE_CHANNELS.set(id, channel as LineChannelData);
  return channel as LineChannelData;
}

/**
 * A small, real responder for the channels service's subjects the clients service calls
 * (lines.channels.get, lines.lines.get), run as a Nest microservice on the test nats-server.
 */
@Controller()
class FakeChannelsController {
  @MessagePattern(LinesRpc.channels.get)
  channel(@Payload() payload: unknown): LineChannelData {
    const { id } = validate(ByIdRequestSchema, payload, 'lines.channels.get request');
    const channel = FAKE_CHANNELS.get(id);
    if (!channel) throw OpenLinesError.notFound('channel', id);
    return channel;
  }

  @MessagePattern(LinesRpc.lines.get)
  line(@Payload() payload: unknown): LineData {
    const { id } = validate(ByIdRequestSchema, payload, 'lines.lines.get request');
    const line = FAKE_LINES.get(id);
    if (!line) throw OpenLinesError.notFound('line', id);
    return line;
  }
}

@Module({ controllers: [FakeChannelsController] })
export class FakeChannelsModule {}
