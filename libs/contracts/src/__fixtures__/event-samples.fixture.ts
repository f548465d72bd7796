import { LineChannelState, LineChannelType } from '../enums';
import { EventPayload, LinesEventSubject, LinesEvents } from '../events';
import { AT, sampleLine, sampleMessage, sampleSession } from './data-samples.fixture';

const base = { eventId: 'evt-1', occurredAt: AT };
const where = { sessionId: 'session-1', lineId: 'line-1', channelId: 'channel-1' };
const actor = { type: 'operator', id: 'user-1' } as const;

/** One valid payload per event subject (test-only); typed, so it checks at compile time. */

export const EVENT_SAMPLES: { [S in LinesEventSubject]: EventPayload<S> } = {
  [LinesEvents.session.created]: { ...base, ...where, version: 1, actor, session: sampleSession },
  [LinesEvents.session.changed]: {
    ...base,
    ...where,
    version: 4,
    actor,
    changes: [{ field: '_priority', oldValue: 'Medium', newValue: 'High' }],
  },
  [LinesEvents.session.reassigned]: {
    ...base,
    sessionId: 'session-1',
    lineId: 'line-1',
    version: 4,
    actor,
    from: { userGroupId: 'group-1' },
    to: { userId: 'user-1', userGroupId: 'group-1' },
    reason: 'routing',
  },
  [LinesEvents.session.closed]: { ...base, ...where, version: 9, actor, session: sampleSession },
  [LinesEvents.message.created]: {
    ...base,
    ...where,
    sender: { type: 'client', id: 'client-1' },
    message: sampleMessage,
  },
  [LinesEvents.message.outbound]: {
    ...base,
    ...where,
    messageId: 'message-2',
    clientId: 'client-1',
    account: 'ann',
    externalChatId: '42',
    text: 'Hi',
  },
  [LinesEvents.message.inbound]: {
    ...base,
    channelId: 'channel-1',
    lineId: 'line-1',
    channelType: LineChannelType.telegramBot,
    account: 'ann',
    externalMessageId: '1001',
    text: 'Hello',
    attachments: [{ type: 'photo', ref: 'file-1' }],
    receivedAt: AT,
  },
  [LinesEvents.channel.changed]: {
    ...base,
    channelId: 'channel-1',
    lineId: 'line-1',
    state: LineChannelState.error,
    previousState: LineChannelState.active,
    reason: '401',
  },
  [LinesEvents.client.changed]: {
    ...base,
    clientId: 'client-1',
    channelId: 'channel-1',
    changes: [{ field: '_blockedStatus', oldValue: 'notBlocked', newValue: 'blocked' }],
  },
  [LinesEvents.line.changed]: {
    ...base,
    lineId: 'line-1',
    line: sampleLine,
    changes: [{ field: '_operatorCapacity', oldValue: 5, newValue: 3 }],
  },
};
