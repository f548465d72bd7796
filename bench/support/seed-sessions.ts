import { LineSessionPriority, LineSessionState, OperatorStatusType } from '@openlines/contracts';
import { MessageDocument } from '../../apps/sessions/src/message/persistence/message.schema';
import { AUTO_RULE } from '../../apps/sessions/src/routing/domain/operator-choice.rules';
import { SessionDocument } from '../../apps/sessions/src/session/persistence/session.schema';
import { SEED_LINES, SESSIONS_PER_CLIENT, at, seedKeys } from './seed-keys';
import { messagesOf } from './seed-messages';

/** Half of the clients' newest sessions are open; every other one is closed, one in 50 spam. */
function stateOf(i: number, newest: boolean): LineSessionState {
  if (i % 50 === 7) return LineSessionState.MarkedAsSpam;
  if (!newest || i % 2 === 0) return LineSessionState.Closed;
  return [
    LineSessionState.Waiting,
    LineSessionState.AssignedToOperator,
    LineSessionState.AssignedToBot,
  ][i % 3];
}

/** Session `i` with its `count` messages, shaped as the sessions service stores them. */
export function seedSession(
  i: number,
  sessions: number,
  count: number,
): { session: SessionDocument; messages: MessageDocument[] } {
  const keys = seedKeys(i, sessions);
  const state = stateOf(i, keys.newest);
  const startMs = Math.floor((i * 365 * 86_400_000) / sessions);
  const chatId = String(
    600_000_000 + (i % Math.max(1, Math.floor(sessions / SESSIONS_PER_CLIENT))),
  );
  const operator = `op-${i % 40}`;
  const group = `grp-${i % SEED_LINES}`;
  const messages = messagesOf(i, count, keys, chatId, operator, startMs);
  const created = at(startMs);
  const last = at(startMs + count * 30_000);
  const open = state !== LineSessionState.Closed && state !== LineSessionState.MarkedAsSpam;
  const assigned =
    state !== LineSessionState.Waiting &&
    state !== LineSessionState.MarkedAsSpam &&
    state !== LineSessionState.AssignedToBot;
  const client = { type: 'client' as const, id: keys.clientId };
  const candidates = [0, 1, 2].map((n) => ({
    operatorId: `op-${(i + n) % 40}`,
    status: OperatorStatusType.online,
    activeSessions: n,
    capacity: 5,
    idleSince: created,
    eligible: true,
  }));
  const session: SessionDocument = {
    __id: keys.sessionId,
    __name: `Customer ${chatId} (telegramBot) ${created.slice(0, 10)}`,
    __createdAt: created,
    __createdBy: keys.clientId,
    __updatedAt: last,
    __updatedBy: assigned ? operator : keys.clientId,
    _apps: [],
    _channel: keys.channelId,
    _clients: [keys.clientId],
    _lastActivityAt: last,
    _acceptedAt: created,
    _line: keys.lineId,
    _priority: LineSessionPriority.Medium,
    _state: state,
    _userGroupId: group,
    _version: 2 + count,
    _externalChatId: chatId,
    _externalChatName: `Customer ${chatId}`,
    ...(assigned ? { _userId: operator } : {}),
    ...(state === LineSessionState.AssignedToBot ? { _botId: 'bot-1' } : {}),
    ...(state === LineSessionState.Closed ? { _closedAt: last } : {}),
    ...(state === LineSessionState.Waiting ? { _queuedAt: created, _queueTick: i } : {}),
    _openKey: open ? `${keys.lineId}|${keys.clientId}` : keys.sessionId,
    _account: `customer_${chatId}`,
    _createdTick: i,
    _messageSeq: count,
    _recentMessageIds: messages
      .filter((m) => m.client !== undefined)
      .map((m) => m.__id)
      .slice(-200),
    _outbox: [],
    _pendingMessages: [],
    _assignments: [
      {
        version: 1,
        from: {},
        to: { userGroupId: group },
        reason: 'created',
        actor: client,
        occurredAt: created,
      },
      ...(assigned
        ? [
            {
              version: 2,
              from: { userGroupId: group },
              to: { userGroupId: group, userId: operator },
              reason: 'routing' as const,
              actor: { type: 'system' as const },
              occurredAt: created,
              rule: AUTO_RULE,
              candidates,
            },
          ]
        : []),
    ],
  };
  return { session, messages };
}
