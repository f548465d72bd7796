import { randomUUID } from 'node:crypto';
import {
  DEFAULT_SESSION_PRIORITY,
  LineChannelData,
  LineClientData,
  LineData,
  LineSessionState,
  SYSTEM_USER_ID,
  renderSessionName,
} from '@openlines/contracts';
import { SessionDocument, openKeyOf } from '../persistence/session.schema';

export interface NewSessionInput {
  line: LineData;
  channel: LineChannelData;
  client: LineClientData;
  account: string;
  now: Date;
  /** From the queue clock: creation order, and queue order when the session starts Waiting. */
  tick: number;
  state: LineSessionState;
  createdBy?: string;
  userId?: string;
  botId?: string;
  externalChatId?: string;
  externalChatName?: string;
}

/** A new session document (version 1), named by the line's template. Pure apart from the id. */
export function newSessionDocument(input: NewSessionInput): SessionDocument {
  const at = input.now.toISOString();
  const id = randomUUID();
  const open = input.state !== LineSessionState.MarkedAsSpam && input.state !== LineSessionState.Closed;
  const name = renderSessionName(input.line._sessionNameTemplate, {
    clientName: input.client.__name,
    account: input.account,
    channelName: input.channel.__name,
    channelType: input.channel._type,
    lineName: input.line.__name,
    date: at.slice(0, 10),
  });
  const doc: SessionDocument = {
    __id: id,
    __name: name,
    __createdAt: at,
    __createdBy: input.createdBy ?? SYSTEM_USER_ID,
    __updatedAt: at,
    __updatedBy: input.createdBy ?? SYSTEM_USER_ID,
    _apps: [],
    _channel: input.channel.__id,
    _clients: [input.client.__id],
    _lastActivityAt: at,
    _acceptedAt: at,
    _line: input.line.__id,
    _priority: DEFAULT_SESSION_PRIORITY,
    _state: input.state,
    _version: 1,
    _openKey: open ? openKeyOf(input.line.__id, input.client.__id) : id,
    _account: input.account,
    _createdTick: input.tick,
    _messageSeq: 0,
    _recentMessageIds: [],
    _outbox: [],
    _pendingMessages: [],
    _assignments: [],
  };
  if (input.userId !== undefined) doc._userId = input.userId;
  if (input.botId !== undefined) doc._botId = input.botId;
  if (input.externalChatId !== undefined) doc._externalChatId = input.externalChatId;
  if (input.externalChatName !== undefined) doc._externalChatName = input.externalChatName;
  if (input.state === LineSessionState.Waiting) {
    doc._queuedAt = at;
    doc._queueTick = input.tick;
  }
  return doc;
}
