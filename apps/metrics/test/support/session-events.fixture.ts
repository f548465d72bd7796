import {
  LineMessageType,
  LineSessionData,
  LineSessionPriority,
  LineSessionState,
  LinesEvents,
  SessionFieldChange,
} from '@openlines/contracts';
import { BASE_TIME } from './session-script.fixture';

/** One event as it travels: JetStream subject and payload. */
export interface StreamEvent {
  subject: string;
  payload: Record<string, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Emits the contract payloads of one session the way the sessions service does (see its
 * session-events.rules): every change a SessionChanged with its field list at a new version; a
 * change of operator, bot or group also a SessionReassigned; reaching Closed also session.closed;
 * messages a message.created. Times are seconds after `base`.
 */
export class SessionEvents {
  readonly events: StreamEvent[] = [];
  private session: LineSessionData;
  private msgSeq = 0;

  constructor(
    readonly sessionId: string,
    readonly lineId = 'L1',
    readonly channelId = 'C1',
    readonly base = BASE_TIME,
  ) {
    const t = iso(base);
    this.session = {
      __id: sessionId,
      __name: sessionId,
      __createdAt: t,
      __createdBy: 'system',
      __updatedAt: t,
      __updatedBy: 'system',
      _apps: [],
      _channel: channelId,
      _clients: [`client-${sessionId}`],
      _lastActivityAt: t,
      _line: lineId,
      _priority: LineSessionPriority.Medium,
      _state: LineSessionState.Waiting,
      _userGroupId: 'G',
      _version: 1,
    };
  }

  at(sec: number): number {
    return this.base + sec * 1000;
  }

  created(
    sec: number,
    state: LineSessionState,
    who: { userId?: string; botId?: string } = {},
  ): this {
    const t = iso(this.at(sec));
    this.session = {
      ...this.session,
      __createdAt: t,
      __updatedAt: t,
      _lastActivityAt: t,
      _state: state,
      ...who,
    };
    const where = { sessionId: this.sessionId, lineId: this.lineId, channelId: this.channelId };
    this.push(LinesEvents.session.created, {
      eventId: `session.created:${this.sessionId}:1`,
      occurredAt: t,
      ...where,
      version: 1,
      actor: { type: 'system' },
      session: this.session,
    });
    return this.reassigned(t, {}, 'created');
  }

  /** One change of the session; `null` clears a field. */
  change(
    sec: number,
    change: { state?: LineSessionState; userId?: string | null; botId?: string | null },
  ): this {
    const t = iso(this.at(sec));
    const before = this.session;
    const after: LineSessionData = {
      ...before,
      _version: before._version + 1,
      __updatedAt: t,
      _acceptedAt: t,
    };
    if (change.state !== undefined) after._state = change.state;
    if (change.userId !== undefined) after._userId = change.userId ?? undefined;
    if (change.botId !== undefined) after._botId = change.botId ?? undefined;
    if (change.state === LineSessionState.Closed) after._closedAt = t;
    this.session = JSON.parse(JSON.stringify(after)) as LineSessionData;
    const changes: SessionFieldChange[] = (
      ['_state', '_userId', '_botId', '_closedAt', '_acceptedAt'] as const
    )
      .filter((field) => (before[field] ?? null) !== (this.session[field] ?? null))
      .map((field) => ({
        field,
        oldValue: before[field] ?? null,
        newValue: this.session[field] ?? null,
      }));
    const where = {
      sessionId: this.sessionId,
      lineId: this.lineId,
      channelId: this.channelId,
      version: this.session._version,
    };
    const actor = { type: 'system' as const };
    this.push(LinesEvents.session.changed, {
      eventId: `session.changed:${this.sessionId}:${this.session._version}`,
      occurredAt: t,
      ...where,
      changes,
      actor,
    });
    this.reassigned(t, before, 'assignToOperator');
    if (change.state === LineSessionState.Closed && before._state !== LineSessionState.Closed) {
      this.push(LinesEvents.session.closed, {
        eventId: `session.closed:${this.sessionId}:${this.session._version}`,
        occurredAt: t,
        ...where,
        actor,
        session: this.session,
      });
    }
    return this;
  }

  client(sec: number): this {
    return this.message(
      sec,
      { type: 'client', id: `client-${this.sessionId}` },
      { client: `client-${this.sessionId}` },
    );
  }

  operator(sec: number, operatorId: string): this {
    return this.message(sec, { type: 'operator', id: operatorId }, { operator: operatorId });
  }

  bot(sec: number): this {
    return this.message(sec, { type: 'bot', id: 'bot' }, { bot: 'bot' });
  }

  private message(sec: number, sender: { type: string; id?: string }, author: object): this {
    this.msgSeq += 1;
    const id = `${this.sessionId}-m${this.msgSeq}`;
    const t = iso(this.at(sec));
    this.push(LinesEvents.message.created, {
      eventId: `message.created:${id}`,
      occurredAt: t,
      sessionId: this.sessionId,
      lineId: this.lineId,
      channelId: this.channelId,
      sender,
      message: {
        __id: id,
        __name: id,
        __createdAt: t,
        __createdBy: 'system',
        __updatedAt: t,
        __updatedBy: 'system',
        body: 'text',
        externalId: id,
        isRead: false,
        session: this.sessionId,
        type: LineMessageType.text,
        ...author,
      },
    });
    return this;
  }

  private reassigned(t: string, before: Partial<LineSessionData>, reason: string): this {
    const who = (s: Partial<LineSessionData>) =>
      JSON.parse(
        JSON.stringify({ userId: s._userId, userGroupId: s._userGroupId, botId: s._botId }),
      ) as Record<string, string>;
    const from = who(before);
    const to = who(this.session);
    if (from.userId === to.userId && from.userGroupId === to.userGroupId && from.botId === to.botId)
      return this;
    this.push(LinesEvents.session.reassigned, {
      eventId: `session.reassigned:${this.sessionId}:${this.session._version}`,
      occurredAt: t,
      sessionId: this.sessionId,
      lineId: this.lineId,
      version: this.session._version,
      from,
      to,
      reason,
      actor: { type: 'system' },
    });
    return this;
  }

  private push(subject: string, payload: Record<string, unknown>): void {
    this.events.push({ subject, payload });
  }
}
