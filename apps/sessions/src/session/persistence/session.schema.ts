import {
  LineSessionData,
  LineSessionDataSchema,
  LineSessionPriority,
  LineSessionState,
  SessionAssignmentRecord,
} from '@openlines/contracts';
import { CollectionDefinition } from '@openlines/persistence';
import { defineEntityFields } from '@openlines/query';
import { PendingEvent } from '../../outbox/pending-event';
import { MessageDocument } from '../../message/persistence/message.schema';
import { CandidateVerdict } from '../../routing/domain/operator-choice.rules';

export const SESSIONS_COLLECTION = 'sessions';

/** One change of who is responsible, with the router's reasons when it was automatic. */
export interface AssignmentEntry extends SessionAssignmentRecord {
  rule?: string;
  candidates?: CandidateVerdict[];
}

/**
 * A stored session: the public data plus the bookkeeping that must change atomically with it
 * (one document, one compare-and-set on `_version`): pending events and messages for the relay,
 * queue position, the assignment history and the ids of recently appended inbound messages.
 */
export interface SessionDocument extends LineSessionData {
  /** `<line>|<client>` while open, the session id otherwise: unique, so a client has one open session per line. */
  _openKey: string;
  /** The client's account (nickname, phone…): where replies are delivered. */
  _account: string;
  _createdTick: number;
  /** When and in which order the session (last) entered the queue; absent when not Waiting. */
  _queuedAt?: string;
  _queueTick?: number;
  _stateBeforeSpam?: LineSessionState;
  _messageSeq: number;
  /** Ids of the last inbound messages appended: a redelivered one is recognised even before the relay stored it. */
  _recentMessageIds: string[];
  _outbox: PendingEvent[];
  _pendingMessages: MessageDocument[];
  _assignments: AssignmentEntry[];
}

export const RECENT_MESSAGE_IDS_KEPT = 200;

export const SESSIONS_DEFINITION: CollectionDefinition = {
  versionField: '_version',
  indexes: [
    { fields: { _openKey: 1 }, unique: true, name: 'session_open_unique' },
    { fields: { _line: 1, _state: 1 }, name: 'session_line_state' },
    // The lines with a queue (an operator came online): every Waiting session, without a line.
    { fields: { _state: 1, _line: 1 }, name: 'session_state_line' },
    { fields: { _userId: 1, _state: 1 }, name: 'session_operator_state' },
    { fields: { _clients: 1, _line: 1 }, name: 'session_client_line' },
    { fields: { _recentMessageIds: 1 }, name: 'session_recent_messages' },
  ],
};

export { openKeyOf } from '../domain/session-bookkeeping.rules';

export function toSessionData(doc: SessionDocument): LineSessionData {
  return LineSessionDataSchema.parse(doc);
}

/** What `lines.sessions.search` may filter and sort on: the public fields only. */
export const SESSION_FIELDS = defineEntityFields({
  _apps: { type: 'object' },
  _acceptedAt: { type: 'date' },
  _channel: { type: 'ref' },
  _clients: { type: 'refArray' },
  _closedAt: { type: 'date' },
  _externalChatId: { type: 'string' },
  _externalChatName: { type: 'string' },
  _lastActivityAt: { type: 'date' },
  _line: { type: 'ref' },
  _priority: { type: 'enum', values: Object.values(LineSessionPriority) },
  _state: { type: 'enum', values: Object.values(LineSessionState) },
  _userGroupId: { type: 'ref' },
  _userId: { type: 'ref' },
  _botId: { type: 'ref' },
  _version: { type: 'number' },
});
