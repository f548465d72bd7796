import { LineSessionData, LineSessionPriority, LineSessionState, LinesEvents } from '@openlines/contracts';
import { sessionChangeEvents, sessionCreatedEvents } from './session-events.rules';

const AT = '2024-01-01T10:00:00.000Z';
const session = (patch: Partial<LineSessionData> = {}): LineSessionData => ({
  __id: 's1', __name: 'Anna (Telegram)', __createdAt: AT, __createdBy: 'system', __updatedAt: AT, __updatedBy: 'system',
  _apps: [], _channel: 'ch1', _clients: ['c1'], _lastActivityAt: AT, _line: 'l1',
  _priority: LineSessionPriority.Medium, _state: LineSessionState.Waiting, _version: 1, ...patch,
});
const context = { actor: { type: 'operator' as const, id: 'op-1' }, occurredAt: AT };

describe('session events', () => {
  it('a new queued session emits only session.created', () => {
    const events = sessionCreatedEvents(session(), context);
    expect(events.map((e) => e.subject)).toEqual([LinesEvents.session.created]);
    expect(events[0].eventId).toBe('session.created:s1:1');
    expect(events[0].payload).toMatchObject({ sessionId: 's1', lineId: 'l1', channelId: 'ch1', version: 1, session: session() });
  });

  it('a new session with an operator also emits SessionReassigned (reason created)', () => {
    const events = sessionCreatedEvents(session({ _state: LineSessionState.AssignedToOperator, _userId: 'op-1' }), context);
    expect(events[1]).toMatchObject({
      subject: LinesEvents.session.reassigned,
      payload: { from: {}, to: { userId: 'op-1' }, reason: 'created', actor: context.actor },
    });
  });

  it('an assignment emits SessionChanged with the field list and SessionReassigned with the reason', () => {
    const before = session();
    const after = session({ _state: LineSessionState.AssignedToOperator, _userId: 'op-1', _version: 2, __updatedAt: 'later' });
    const events = sessionChangeEvents(before, after, { ...context, reason: 'routing' });
    expect(events.map((e) => e.subject)).toEqual([LinesEvents.session.changed, LinesEvents.session.reassigned]);
    expect(events[0].payload).toMatchObject({
      eventId: 'session.changed:s1:2',
      version: 2,
      changes: [
        { field: '_state', oldValue: 'Waiting', newValue: 'AssignedToOperator' },
        { field: '_userId', oldValue: null, newValue: 'op-1' },
      ],
    });
    expect(events[1].payload).toMatchObject({ eventId: 'session.reassigned:s1:2', from: {}, to: { userId: 'op-1' }, reason: 'routing' });
  });

  it('a silent bot assignment says so on SessionReassigned', () => {
    const after = session({ _state: LineSessionState.AssignedToBot, _botId: 'bot', _version: 2 });
    const events = sessionChangeEvents(session(), after, { ...context, reason: 'assignToBot', silent: true });
    expect(events[1].payload).toMatchObject({ to: { botId: 'bot' }, reason: 'assignToBot', silent: true });
    expect(sessionChangeEvents(session(), after, context)[1].payload).not.toHaveProperty('silent');
  });

  it('closing emits SessionChanged and session.closed with the final session, no reassignment', () => {
    const before = session({ _state: LineSessionState.AssignedToOperator, _userId: 'op-1' });
    const after = { ...before, _state: LineSessionState.Closed, _closedAt: AT, _version: 2 };
    const events = sessionChangeEvents(before, after, context);
    expect(events.map((e) => e.subject)).toEqual([LinesEvents.session.changed, LinesEvents.session.closed]);
    expect(events[1].payload).toMatchObject({ eventId: 'session.closed:s1:2', session: after });
  });

  it('emits nothing when nothing changed', () => {
    expect(sessionChangeEvents(session(), session({ _version: 2 }), context)).toEqual([]);
  });
});
