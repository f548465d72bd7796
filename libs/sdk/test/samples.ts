import {
  LineChannelData,
  LineChannelState,
  LineChannelType,
  LineClientBlockedStatus,
  LineClientData,
  LineMessageData,
  LineMessageType,
  LineSessionData,
  LineSessionPriority,
  LineSessionState,
} from '@openlines/contracts';

const AT = '2026-01-01T00:00:00.000Z';
const system = (id: string) => ({
  __id: id,
  __name: id,
  __createdAt: AT,
  __createdBy: 'system',
  __updatedAt: AT,
  __updatedBy: 'system',
});

export function session(id: string, overrides: Partial<LineSessionData> = {}): LineSessionData {
  return {
    ...system(id),
    _apps: [],
    _channel: 'ch-1',
    _clients: ['cl-1'],
    _lastActivityAt: AT,
    _line: 'line-1',
    _priority: LineSessionPriority.Medium,
    _state: LineSessionState.Waiting,
    _version: 1,
    ...overrides,
  };
}

export function client(id: string, overrides: Partial<LineClientData> = {}): LineClientData {
  return {
    ...system(id),
    _channel: 'ch-1',
    _username: 'telegram_username',
    _externalId: '42',
    _extraData: {},
    _blockedStatus: LineClientBlockedStatus.notBlocked,
    ...overrides,
  };
}

export function channel(id: string, overrides: Partial<LineChannelData> = {}): LineChannelData {
  return {
    ...system(id),
    _state: LineChannelState.active,
    _line: 'line-1',
    _type: LineChannelType.internal,
    _settings: {},
    ...overrides,
  } as LineChannelData;
}

export function message(id: string, overrides: Partial<LineMessageData> = {}): LineMessageData {
  return {
    ...system(id),
    body: 'hello',
    externalId: id,
    isRead: false,
    session: 's-1',
    type: LineMessageType.text,
    ...overrides,
  };
}
