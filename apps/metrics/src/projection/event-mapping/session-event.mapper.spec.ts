import {
  LineSessionPriority,
  LineSessionState,
  SessionChangedPayloadSchema,
  SessionCreatedPayloadSchema,
  SessionReassignedPayloadSchema,
} from '@openlines/contracts';
import {
  fromSessionChanged,
  fromSessionClosed,
  fromSessionCreated,
  fromSessionReassigned,
} from './session-event.mapper';

const T0 = '2025-01-06T09:00:00.000Z';
const T1 = '2025-01-06T09:00:30.000Z';
const system = {
  __name: 'x',
  __createdAt: T0,
  __createdBy: 'system',
  __updatedAt: T0,
  __updatedBy: 'system',
};
const session = {
  ...system,
  __id: 'S1',
  _apps: [],
  _channel: 'C1',
  _clients: ['K1'],
  _lastActivityAt: T0,
  _line: 'L1',
  _priority: LineSessionPriority.Medium,
  _state: LineSessionState.Waiting,
  _userGroupId: 'G',
  _version: 1,
};
const where = { sessionId: 'S1', lineId: 'L1', channelId: 'C1' };
const operator = { type: 'operator' as const, id: 'A' };

describe('session events → projection facts', () => {
  it('session.created: the first state, who has it, and where the session lives', () => {
    const p = SessionCreatedPayloadSchema.parse({
      eventId: 'e1',
      occurredAt: T0,
      ...where,
      version: 1,
      actor: { type: 'system' },
      session,
    });
    expect(fromSessionCreated(p)).toEqual({
      sessionId: 'S1',
      fact: {
        kind: 'created',
        eventId: 'e1',
        version: 1,
        at: Date.parse(T0),
        state: LineSessionState.Waiting,
      },
      placement: { lineId: 'L1', channelId: 'C1' },
    });
  });

  it('SessionChanged: state and operator changes; a cleared field is null; other fields map to nothing', () => {
    const p = SessionChangedPayloadSchema.parse({
      eventId: 'e2',
      occurredAt: T1,
      ...where,
      version: 3,
      actor: operator,
      changes: [
        { field: '_state', oldValue: 'AssignedToOperator', newValue: 'Waiting' },
        { field: '_userId', oldValue: 'A', newValue: null },
        { field: '_lastActivityAt', oldValue: T0, newValue: T1 },
      ],
    });
    expect(fromSessionChanged(p)?.fact).toEqual({
      kind: 'changed',
      eventId: 'e2',
      version: 3,
      at: Date.parse(T1),
      state: LineSessionState.Waiting,
      userId: null,
    });
    const other = SessionChangedPayloadSchema.parse({
      ...p,
      changes: [{ field: '_priority', oldValue: 'Medium', newValue: 'High' }],
    });
    expect(fromSessionChanged(other)).toBeNull();
  });

  it('SessionReassigned: only a move away from an operator is kept', () => {
    const base = {
      eventId: 'e3',
      occurredAt: T1,
      sessionId: 'S1',
      lineId: 'L1',
      version: 4,
      reason: 'assignToOperator',
      actor: operator,
    };
    const away = SessionReassignedPayloadSchema.parse({
      ...base,
      from: { userId: 'A', userGroupId: 'G' },
      to: { userId: 'B', userGroupId: 'G' },
    });
    expect(fromSessionReassigned(away)?.fact).toEqual({
      kind: 'reassigned',
      eventId: 'e3',
      version: 4,
      at: Date.parse(T1),
      fromUserId: 'A',
      toUserId: 'B',
      toGroupId: 'G',
    });
    const fromQueue = SessionReassignedPayloadSchema.parse({
      ...base,
      from: { userGroupId: 'G' },
      to: { userId: 'A' },
    });
    expect(fromSessionReassigned(fromQueue)).toBeNull();
  });

  it('session.closed: closed at the session’s _closedAt', () => {
    const closedAt = '2025-01-06T09:05:00.000Z';
    const p = SessionCreatedPayloadSchema.parse({
      eventId: 'e4',
      occurredAt: T1,
      ...where,
      version: 9,
      actor: operator,
      session: { ...session, _state: LineSessionState.Closed, _closedAt: closedAt, _version: 9 },
    });
    expect(fromSessionClosed(p).fact).toEqual({
      kind: 'closed',
      eventId: 'e4',
      version: 9,
      at: Date.parse(closedAt),
    });
  });
});
