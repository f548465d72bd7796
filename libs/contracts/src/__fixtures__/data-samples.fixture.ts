import {
  LineChannelData,
  LineClientData,
  LineData,
  LineMessageData,
  LineMetricData,
  LineSessionData,
  OperatorData,
  SystemFields,
} from '../data';
import {
  LineChannelState,
  LineChannelType,
  LineClientBlockedStatus,
  LineMessageType,
  LineMetricType,
  LineSessionPriority,
  LineSessionState,
  OperatorStatusType,
} from '../enums';

/** Valid data items as a service would return them (test-only). */
export const AT = '2025-01-02T03:04:05.000Z';

export const system = (id: string, name = id): SystemFields => ({
  __id: id,
  __name: name,
  __createdAt: AT,
  __createdBy: 'system',
  __updatedAt: AT,
  __updatedBy: 'user-1',
});

export const sampleLine: LineData = {
  ...system('line-1', 'Support'),
  _operatorGroups: ['group-1'],
  _supervisorGroups: [],
  _requestApps: [{ namespace: 'crm', code: 'appeals' }],
  _accountApp: { namespace: 'crm', code: 'contacts' },
  _sessionNameTemplate: '{clientName}',
  _distribution: 'auto',
  _operatorCapacity: 5,
  _botFirst: false,
  _requeueOnOffline: true,
  _targetReplySeconds: 60,
};

export const sampleChannel: LineChannelData = {
  ...system('channel-1', 'Telegram bot'),
  _type: LineChannelType.telegramBot,
  _state: LineChannelState.active,
  _line: 'line-1',
  _settings: { botUsername: 'openlines_bot' },
};

export const sampleClient: LineClientData = {
  ...system('client-1', 'Ann'),
  _channel: 'channel-1',
  _username: 'ann',
  _externalId: '42',
  _extraData: { languageCode: 'en', custom: { plan: 'gold' } },
  _blockedStatus: LineClientBlockedStatus.notBlocked,
};

export const sampleSession: LineSessionData = {
  ...system('session-1', 'Ann (Telegram bot)'),
  _apps: [],
  _channel: 'channel-1',
  _clients: ['client-1'],
  _externalChatId: '42',
  _lastActivityAt: AT,
  _line: 'line-1',
  _priority: LineSessionPriority.Medium,
  _state: LineSessionState.AssignedToOperator,
  _userGroupId: 'group-1',
  _userId: 'user-1',
  _acceptedAt: AT,
  _version: 3,
};

export const sampleMessage: LineMessageData = {
  ...system('message-1'),
  body: 'Hello',
  client: 'client-1',
  externalId: '1001',
  isRead: false,
  session: 'session-1',
  type: LineMessageType.text,
};

export const sampleMetric: LineMetricData = {
  ...system('metric-1'),
  _type: LineMetricType.firstResponseTime,
  _line: 'line-1',
  _period: 'hour',
  _periodStart: '2025-01-02T03:00:00.000Z',
  _count: 2,
  _sum: 30,
  _min: 10,
  _max: 20,
  _histogram: [0, 0, 1, 1],
  _withinTarget: 2,
};

export const sampleOperator: OperatorData = {
  __id: 'user-1',
  __name: 'Olga',
  _groups: ['group-1'],
  _status: OperatorStatusType.online,
  _statusChangedAt: AT,
};
