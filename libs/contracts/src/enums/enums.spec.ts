import {
  DEFAULT_SESSION_PRIORITY,
  LineChannelState,
  LineChannelType,
  LineClientBlockedStatus,
  LineMessageType,
  LineMetricType,
  LineSessionPriority,
  LineSessionPriorityEnumBase,
  LineSessionState,
  LineSessionStateEnumBase,
  OPEN_SESSION_STATES,
  OperatorStatusType,
  RECONNECTABLE_CHANNEL_TYPES,
  SESSION_PRIORITY_RANK,
  SPAM_FORBIDDEN_CHANNEL_TYPES,
  canBlockClientsOf,
  canMarkSessionsAsSpam,
  isOpenSessionState,
  isReconnectableChannelType,
  isTimeMetricType,
} from './index';

/** The literal member lists of spec §2 and §8. */
const SPEC_ENUMS: Array<[string, Record<string, string>, string[]]> = [
  ['LineChannelState', LineChannelState, ['active', 'disconnected', 'error']],
  [
    'LineChannelType',
    LineChannelType,
    [
      'internal',
      'support',
      'telegram',
      'telegramBot',
      'viberbot',
      'whatsapp',
      'instagram',
      'vk',
      'inbox',
      'livechat',
    ],
  ],
  [
    'LineSessionState',
    LineSessionState,
    ['Waiting', 'AssignedToBot', 'AssignedToOperator', 'MarkedAsSpam', 'Closed'],
  ],
  ['LineSessionPriority', LineSessionPriority, ['Low', 'Medium', 'High']],
  ['OperatorStatusType', OperatorStatusType, ['online', 'offline', 'away']],
  ['LineClientBlockedStatus', LineClientBlockedStatus, ['notBlocked', 'blocked']],
  ['LineMessageType', LineMessageType, ['text', 'file', 'system']],
  [
    'LineMetricType',
    LineMetricType,
    [
      'sessionsCreated',
      'sessionsClosed',
      'sessionsMarkedAsSpam',
      'sessionsAbandoned',
      'reassignments',
      'botSessions',
      'messagesIn',
      'messagesOut',
      'waitingTime',
      'firstResponseTime',
      'responseTime',
      'handlingTime',
      'sessionDuration',
    ],
  ],
];

describe.each(SPEC_ENUMS)('%s', (_name, enumObject, members) => {
  it('has exactly the spec members', () => {
    expect(Object.keys(enumObject).sort()).toEqual([...members].sort());
  });

  it('has string values equal to the member names', () => {
    for (const [key, value] of Object.entries(enumObject)) expect(value).toBe(key);
  });
});

describe('enum helpers', () => {
  it('reconnects exactly telegramBot, inbox, viberbot, livechat and instagram', () => {
    expect([...RECONNECTABLE_CHANNEL_TYPES].sort()).toEqual([
      'inbox',
      'instagram',
      'livechat',
      'telegramBot',
      'viberbot',
    ]);
    const refused = Object.values(LineChannelType).filter(
      (type) => !isReconnectableChannelType(type),
    );
    expect(refused.sort()).toEqual(['internal', 'support', 'telegram', 'vk', 'whatsapp']);
  });

  it('forbids spam only on internal and support channels', () => {
    expect([...SPAM_FORBIDDEN_CHANNEL_TYPES].sort()).toEqual(['internal', 'support']);
    expect(canMarkSessionsAsSpam(LineChannelType.support)).toBe(false);
    expect(canMarkSessionsAsSpam(LineChannelType.telegramBot)).toBe(true);
  });

  it('never blocks employees (internal clients)', () => {
    expect(canBlockClientsOf(LineChannelType.internal)).toBe(false);
    expect(canBlockClientsOf(LineChannelType.support)).toBe(true);
  });

  it('defaults priority to Medium and ranks High > Medium > Low', () => {
    expect(DEFAULT_SESSION_PRIORITY).toBe(LineSessionPriority.Medium);
    expect(SESSION_PRIORITY_RANK.High).toBeGreaterThan(SESSION_PRIORITY_RANK.Medium);
    expect(SESSION_PRIORITY_RANK.Medium).toBeGreaterThan(SESSION_PRIORITY_RANK.Low);
  });

  it('treats Waiting, AssignedToBot and AssignedToOperator as open', () => {
    expect([...OPEN_SESSION_STATES].sort()).toEqual([
      'AssignedToBot',
      'AssignedToOperator',
      'Waiting',
    ]);
    expect(isOpenSessionState(LineSessionState.Closed)).toBe(false);
    expect(isOpenSessionState(LineSessionState.MarkedAsSpam)).toBe(false);
  });

  it('marks the five duration metrics as time metrics', () => {
    const timed = Object.values(LineMetricType).filter(isTimeMetricType);
    expect(timed.sort()).toEqual([
      'firstResponseTime',
      'handlingTime',
      'responseTime',
      'sessionDuration',
      'waitingTime',
    ]);
  });

  it('types the EnumBase aliases as the unions of the values', () => {
    const state: LineSessionStateEnumBase = 'AssignedToBot';
    const priority: LineSessionPriorityEnumBase = LineSessionPriority.High;
    // @ts-expect-error not a state
    const wrong: LineSessionStateEnumBase = 'Open';
    expect([state, priority, wrong]).toEqual(['AssignedToBot', 'High', 'Open']);
  });
});
