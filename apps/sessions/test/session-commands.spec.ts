import {
  ErrorCode,
  LineChannelType,
  LineSessionData,
  LineSessionPriority,
  LineSessionState,
  LinesEvents,
  LinesRpc,
  OperatorStatusType,
} from '@openlines/contracts';
import { uniqueName } from '@openlines/testing';
import { LineFixture, SessionsHarness, operator, system } from './support/sessions-harness';

const S = LinesRpc.sessions;

describe('session commands over RPC', () => {
  let h: SessionsHarness;
  let f: LineFixture;
  let op: string;
  let colleague: string;
  let supervisor: string;

  beforeAll(async () => {
    h = await SessionsHarness.start();
  });
  afterAll(() => h?.close());

  beforeEach(async () => {
    f = h.seedLine({ _bot: uniqueName('bot'), _sessionNameTemplate: '{clientName} via {channelName}' });
    op = await h.addOperator([f.operatorGroup]);
    colleague = await h.addOperator([f.operatorGroup]);
    supervisor = await h.addOperator([f.supervisorGroup], OperatorStatusType.offline);
  });

  const assigned = async (to = op): Promise<LineSessionData> => {
    const session = await h.openSession(f);
    return h.call(S.assignToOperator, { sessionId: session.__id, operatorId: to, actor: system });
  };

  describe('create', () => {
    it('opens a session assigned to the operator who creates it, for the client of that account', async () => {
      const session = await h.call<LineSessionData>(S.create, { channelId: f.channel.__id, account: 'anna', actor: operator(op) });
      const client = h.directory.clientOf(f.channel.__id, 'anna');
      expect(session).toMatchObject({
        __name: `anna via ${f.channel.__name}`,
        _state: LineSessionState.AssignedToOperator,
        _userId: op,
        _clients: [client.__id],
        _line: f.line.__id,
        _channel: f.channel.__id,
        _priority: LineSessionPriority.Medium,
        _version: 1,
        __createdBy: op,
      });
      await h.events.waitFor(() => h.events.of(session.__id).length === 2, 'created + reassigned');
      expect(h.events.of(session.__id).map((e) => e.subject)).toEqual([LinesEvents.session.created, LinesEvents.session.reassigned]);
      expect(h.events.of(session.__id)[1].payload).toMatchObject({ from: {}, to: { userId: op }, reason: 'created' });
    });

    it('refuses a second open session of the same client (CONFLICT naming the open one)', async () => {
      const first = await h.openSession(f, 'boris');
      const error = await h.failure(S.create, { channelId: f.channel.__id, account: 'boris', actor: operator(op) });
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.details).toMatchObject({ sessionId: first.__id, reason: 'openSessionExists' });
    });

    it('refuses outsiders and offline operators, unknown channels and bad payloads', async () => {
      const outsider = await h.addOperator([uniqueName('elsewhere')]);
      const offline = await h.addOperator([f.operatorGroup], OperatorStatusType.offline);
      const request = (actorId: string) => ({ channelId: f.channel.__id, account: uniqueName('a'), actor: operator(actorId) });
      expect((await h.failure(S.create, request(outsider))).code).toBe(ErrorCode.Forbidden);
      expect((await h.failure(S.create, request(offline))).code).toBe(ErrorCode.Forbidden);
      expect((await h.failure(S.create, { channelId: 'nope', account: 'x', actor: system })).code).toBe(ErrorCode.NotFound);
      const invalid = await h.failure(S.create, { channelId: f.channel.__id, actor: system });
      expect(invalid.code).toBe(ErrorCode.ValidationFailed);
      expect(invalid.message).toContain('account');
    });

    it('a session the system opens waits in the queue', async () => {
      expect((await h.openSession(f))._state).toBe(LineSessionState.Waiting);
    });
  });

  describe('assignToOperator', () => {
    it('assigns a queued session and emits SessionChanged with the field list and SessionReassigned', async () => {
      const session = await h.openSession(f);
      const after = await h.call<LineSessionData>(S.assignToOperator, { sessionId: session.__id, operatorId: op, actor: operator(supervisor) });
      expect(after).toMatchObject({ _state: LineSessionState.AssignedToOperator, _userId: op, _version: 2 });
      await h.events.waitFor(() => h.events.of(session.__id).length === 3, 'assignment events');
      const [, changed, reassigned] = h.events.of(session.__id);
      expect(changed.subject).toBe(LinesEvents.session.changed);
      expect(changed.payload).toMatchObject({ version: 2, actor: operator(supervisor), changes: expect.arrayContaining([
        { field: '_state', oldValue: 'Waiting', newValue: 'AssignedToOperator' },
        { field: '_userId', oldValue: null, newValue: op },
      ]) });
      expect(reassigned.payload).toMatchObject({ from: {}, to: { userId: op }, reason: 'assignToOperator', version: 2 });
    });

    it('lets an online operator take a queued session, the assignee transfer it, and refuses the rest', async () => {
      const session = await h.openSession(f);
      const taken = await h.call<LineSessionData>(S.assignToOperator, { sessionId: session.__id, operatorId: op, actor: operator(op) });
      expect(taken._userId).toBe(op);
      const stolen = await h.failure(S.assignToOperator, { sessionId: session.__id, operatorId: colleague, actor: operator(colleague) });
      expect(stolen.code).toBe(ErrorCode.Conflict);
      const transferred = await h.call<LineSessionData>(S.assignToOperator, { sessionId: session.__id, operatorId: colleague, actor: operator(op) });
      expect(transferred._userId).toBe(colleague);
      const stranger = await h.addOperator([uniqueName('other')]);
      const notOperator = await h.failure(S.assignToOperator, { sessionId: session.__id, operatorId: stranger, actor: system });
      expect(notOperator.code).toBe(ErrorCode.Forbidden);
    });

    it('an away operator takes no new session; an unknown session is NOT_FOUND', async () => {
      const away = await h.addOperator([f.operatorGroup], OperatorStatusType.away);
      const session = await h.openSession(f);
      expect((await h.failure(S.assignToOperator, { sessionId: session.__id, operatorId: away, actor: operator(away) })).code).toBe(ErrorCode.Forbidden);
      expect((await h.failure(S.assignToOperator, { sessionId: 'missing', operatorId: op, actor: system })).code).toBe(ErrorCode.NotFound);
    });

    it('never gives an operator more than the line capacity', async () => {
      const small = h.seedLine({ _operatorCapacity: 1 });
      const busy = await h.addOperator([small.operatorGroup]);
      const first = await h.openSession(small);
      const second = await h.openSession(small);
      await h.call(S.assignToOperator, { sessionId: first.__id, operatorId: busy, actor: system });
      const refused = await h.failure(S.assignToOperator, { sessionId: second.__id, operatorId: busy, actor: system });
      expect(refused.code).toBe(ErrorCode.Conflict);
      expect(refused.details).toMatchObject({ reason: 'capacity', capacity: 1 });
      await h.call(S.close, { sessionId: first.__id, actor: system });
      expect((await h.call<LineSessionData>(S.assignToOperator, { sessionId: second.__id, operatorId: busy, actor: system }))._userId).toBe(busy);
    });
  });

  describe('assignToOperatorGroup and assignToBot', () => {
    it('moves a session to a group queue of the line only', async () => {
      const session = await assigned();
      const queued = await h.call<LineSessionData>(S.assignToOperatorGroup, { sessionId: session.__id, groupId: f.operatorGroup, actor: operator(op) });
      expect(queued).toMatchObject({ _state: LineSessionState.Waiting, _userGroupId: f.operatorGroup });
      expect(queued._userId).toBeUndefined();
      const foreign = await h.failure(S.assignToOperatorGroup, { sessionId: session.__id, groupId: 'not-ours', actor: system });
      expect(foreign.code).toBe(ErrorCode.Forbidden);
      await h.events.waitFor(() => h.events.of(session.__id, LinesEvents.session.reassigned).length === 2, 'group reassignment');
      expect(h.events.of(session.__id, LinesEvents.session.reassigned)[1].payload).toMatchObject({
        from: { userId: op }, to: { userGroupId: f.operatorGroup }, reason: 'assignToOperatorGroup',
      });
    });

    it('hands a session to the line bot, silently when asked, and refuses when the line has none', async () => {
      const session = await assigned();
      const withBot = await h.call<LineSessionData>(S.assignToBot, { sessionId: session.__id, silent: true, actor: operator(op) });
      expect(withBot).toMatchObject({ _state: LineSessionState.AssignedToBot, _botId: f.line._bot });
      await h.events.waitFor(() => h.events.of(session.__id, LinesEvents.session.reassigned).length === 2, 'bot reassignment');
      expect(h.events.of(session.__id, LinesEvents.session.reassigned)[1].payload).toMatchObject({
        to: { botId: f.line._bot }, reason: 'assignToBot', silent: true,
      });
      const botless = h.seedLine();
      const other = await h.openSession(botless);
      const refused = await h.failure(S.assignToBot, { sessionId: other.__id, actor: system });
      expect(refused.code).toBe(ErrorCode.InvalidTransition);
      expect(refused.details).toMatchObject({ state: LineSessionState.Waiting, reason: 'noBot' });
    });
  });

  describe('close', () => {
    it('only the assignee, the session bot or a supervisor closes; session.closed carries the final session', async () => {
      const session = await assigned();
      expect((await h.failure(S.close, { sessionId: session.__id, actor: operator(colleague) })).code).toBe(ErrorCode.Forbidden);
      const closed = await h.call<LineSessionData>(S.close, { sessionId: session.__id, actor: operator(op) });
      expect(closed).toMatchObject({ _state: LineSessionState.Closed, _userId: op });
      expect(closed._closedAt).toBeDefined();
      await h.events.waitFor(() => h.events.of(session.__id, LinesEvents.session.closed).length === 1, 'session.closed');
      expect(h.events.of(session.__id, LinesEvents.session.closed)[0].payload).toMatchObject({ session: closed });

      const viaSupervisor = await assigned();
      expect((await h.call<LineSessionData>(S.close, { sessionId: viaSupervisor.__id, actor: operator(supervisor) }))._state).toBe(LineSessionState.Closed);
      const viaBot = await assigned();
      await h.call(S.assignToBot, { sessionId: viaBot.__id, actor: system });
      const bot = { type: 'bot' as const, id: f.line._bot };
      expect((await h.call<LineSessionData>(S.close, { sessionId: viaBot.__id, actor: bot }))._state).toBe(LineSessionState.Closed);
    });
  });

  describe('markAsSpam and unmarkAsSpam', () => {
    it('marks as spam by an online operator and restores the same operator and priority', async () => {
      const session = await assigned();
      await h.call(S.setPriority, { sessionId: session.__id, priority: LineSessionPriority.High, actor: operator(op) });
      const spam = await h.call<LineSessionData>(S.markAsSpam, { sessionId: session.__id, actor: operator(colleague) });
      expect(spam._state).toBe(LineSessionState.MarkedAsSpam);
      const back = await h.call<LineSessionData>(S.unmarkAsSpam, { sessionId: session.__id, actor: operator(op) });
      expect(back).toMatchObject({ _state: LineSessionState.AssignedToOperator, _userId: op, _priority: LineSessionPriority.High });
    });

    it('refuses spam from away operators and on internal and support channels', async () => {
      const away = await h.addOperator([f.operatorGroup], OperatorStatusType.away);
      const session = await assigned();
      expect((await h.failure(S.markAsSpam, { sessionId: session.__id, actor: operator(away) })).code).toBe(ErrorCode.Forbidden);
      for (const type of [LineChannelType.internal, LineChannelType.support] as const) {
        const staff = h.seedLine({}, type);
        const internal = await h.openSession(staff);
        const refused = await h.failure(S.markAsSpam, { sessionId: internal.__id, actor: system });
        expect(refused.code).toBe(ErrorCode.InvalidTransition);
        expect(refused.details).toMatchObject({ state: LineSessionState.Waiting, channelType: type });
      }
    });

    it('un-spams only the last session of the client chain, never for an offline operator', async () => {
      const first = await h.openSession(f, 'chain-client');
      await h.call(S.markAsSpam, { sessionId: first.__id, actor: system });
      const offline = await h.addOperator([f.operatorGroup], OperatorStatusType.offline);
      expect((await h.failure(S.unmarkAsSpam, { sessionId: first.__id, actor: operator(offline) })).code).toBe(ErrorCode.Forbidden);
      await h.openSession(f, 'chain-client');
      const refused = await h.failure(S.unmarkAsSpam, { sessionId: first.__id, actor: system });
      expect(refused.code).toBe(ErrorCode.InvalidTransition);
      expect(refused.details).toMatchObject({ state: LineSessionState.MarkedAsSpam, reason: 'notLastInChain' });
    });
  });

  describe('setPriority and update', () => {
    it('changes priority, name and linked apps with one SessionChanged each', async () => {
      const session = await assigned();
      const apps = [{ namespace: 'service', code: 'appeals', id: uniqueName('appeal') }];
      const updated = await h.call<LineSessionData>(S.update, { sessionId: session.__id, data: { __name: 'VIP', _apps: apps }, actor: operator(op) });
      expect(updated).toMatchObject({ __name: 'VIP', _apps: apps, __updatedBy: op });
      const high = await h.call<LineSessionData>(S.setPriority, { sessionId: session.__id, priority: LineSessionPriority.High, actor: system });
      expect(high._priority).toBe(LineSessionPriority.High);
      await h.events.waitFor(() => h.events.of(session.__id, LinesEvents.session.changed).length === 3, 'changes');
      const [, update, priority] = h.events.of(session.__id, LinesEvents.session.changed);
      expect(update.payload.changes).toEqual([
        { field: '__name', oldValue: session.__name, newValue: 'VIP' },
        { field: '_apps', oldValue: [], newValue: apps },
      ]);
      expect(priority.payload.changes).toEqual([{ field: '_priority', oldValue: 'Medium', newValue: 'High' }]);
      const empty = await h.failure(S.update, { sessionId: session.__id, data: {}, actor: system });
      expect(empty.code).toBe(ErrorCode.ValidationFailed);
      expect((await h.failure(S.update, { sessionId: session.__id, data: { __name: 'x' }, actor: operator(colleague) })).code).toBe(ErrorCode.Forbidden);
    });
  });

  it('every event published so far conforms to the contracts schema of its subject', async () => {
    const lines = new Set(h.directory.lines.keys());
    expect(h.events.events.filter((e) => lines.has(String(e.payload.lineId))).length).toBeGreaterThan(10);
    expect(h.events.nonConforming(lines)).toEqual([]);
  });

  describe('queries', () => {
    it('searches and counts sessions with the search language, and lists assignment reasons', async () => {
      const session = await assigned();
      const filter = { and: [{ field: '_line', op: 'eq', value: f.line.__id }, { field: '_userId', op: 'eq', value: op }] };
      const { items } = await h.call<{ items: LineSessionData[] }>(S.search, { filter });
      expect(items.map((s) => s.__id)).toEqual([session.__id]);
      expect(await h.call(S.count, { filter: { field: '_line', op: 'eq', value: f.line.__id } })).toEqual({ count: 1 });
      const bad = await h.failure(S.search, { filter: { field: '_outbox', op: 'eq', value: 1 } });
      expect(bad.code).toBe(ErrorCode.ValidationFailed);
      const reasons = await h.call<{ items: unknown[] }>(S.getAssignmentReasons, { sessionId: session.__id });
      expect(reasons.items).toEqual([expect.objectContaining({ from: {}, to: { userId: op }, reason: 'assignToOperator', version: 2 })]);
    });
  });
});
