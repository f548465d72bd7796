import { LineSessionState, OperatorStatusType } from '@openlines/contracts';
import { ActorContext, PermissionAction, SessionView, authorize } from './session-permissions.rules';

const { online, offline, away } = OperatorStatusType;
const { Waiting, AssignedToBot, AssignedToOperator, MarkedAsSpam } = LineSessionState;
const operator = (status: ActorContext['status'], extra: Partial<ActorContext> = {}): ActorContext => ({
  type: 'operator', id: 'op-1', isSupervisor: false, isLineOperator: true, status, isLineBot: false, ...extra,
});
const assignedToMe: SessionView = { state: AssignedToOperator, userId: 'op-1' };
const assignedToOther: SessionView = { state: AssignedToOperator, userId: 'op-2' };
const waiting: SessionView = { state: Waiting };
const withBot: SessionView = { state: AssignedToBot, botId: 'bot-1' };
const bot = (isLineBot = true): ActorContext => ({
  type: 'bot', id: 'bot-1', isSupervisor: false, isLineOperator: false, isLineBot,
});

const MUTATIONS: PermissionAction[] = [
  'assignToOperator', 'assignToBot', 'assignToOperatorGroup', 'close', 'markAsSpam', 'unmarkAsSpam',
  'setPriority', 'update', 'sendMessage', 'sendSystemMessage', 'create',
];

describe('session permissions', () => {
  it.each(MUTATIONS)('system and supervisors may %s (supervisors whatever their presence)', (action) => {
    expect(authorize(action, { type: 'system', isSupervisor: false, isLineOperator: false, isLineBot: false }, assignedToOther).allowed).toBe(true);
    expect(authorize(action, operator(offline, { isSupervisor: true, isLineOperator: false }), assignedToOther).allowed).toBe(true);
  });

  it.each(MUTATIONS)('an offline operator may not %s, even on own session', (action) => {
    expect(authorize(action, operator(offline), assignedToMe, 'op-1')).toEqual({
      allowed: false, reason: 'an offline operator can only read',
    });
  });

  it('an operator whose presence is unknown counts as offline', () => {
    expect(authorize('close', operator(undefined), assignedToMe).allowed).toBe(false);
  });

  it('someone outside the line may do nothing', () => {
    expect(authorize('create', operator(online, { isLineOperator: false }), undefined).allowed).toBe(false);
  });

  it.each(['close', 'sendMessage', 'setPriority', 'update', 'assignToBot', 'assignToOperatorGroup'] as const)(
    'only the assignee may %s (online or away)',
    (action) => {
      expect(authorize(action, operator(online), assignedToMe).allowed).toBe(true);
      expect(authorize(action, operator(away), assignedToMe).allowed).toBe(true);
      expect(authorize(action, operator(online), assignedToOther).allowed).toBe(false);
      expect(authorize(action, operator(online), waiting).allowed).toBe(false);
    },
  );

  it('markAsSpam: any online operator of the line, never an away one', () => {
    expect(authorize('markAsSpam', operator(online), assignedToOther).allowed).toBe(true);
    expect(authorize('markAsSpam', operator(away), assignedToMe).allowed).toBe(false);
  });

  it('taking from the queue needs an online operator; transferring needs the assignee', () => {
    expect(authorize('assignToOperator', operator(online), waiting, 'op-1').allowed).toBe(true);
    expect(authorize('assignToOperator', operator(online), withBot, 'op-1').allowed).toBe(true);
    expect(authorize('assignToOperator', operator(away), waiting, 'op-1').allowed).toBe(false);
    expect(authorize('assignToOperator', operator(online), waiting, 'op-3').allowed).toBe(false);
    expect(authorize('assignToOperator', operator(away), assignedToMe, 'op-3').allowed).toBe(true);
    expect(authorize('assignToOperator', operator(online), assignedToOther, 'op-3').allowed).toBe(false);
  });

  it('un-spam and create: any operator of the line who is not offline', () => {
    expect(authorize('unmarkAsSpam', operator(away), { state: MarkedAsSpam, userId: 'op-2' }).allowed).toBe(true);
    expect(authorize('create', operator(away), undefined).allowed).toBe(true);
  });

  it('a bot acts only on sessions assigned to it, and never marks spam', () => {
    expect(authorize('close', bot(), withBot).allowed).toBe(true);
    expect(authorize('assignToOperator', bot(), withBot, 'op-1').allowed).toBe(true);
    expect(authorize('sendMessage', bot(), withBot).allowed).toBe(true);
    expect(authorize('markAsSpam', bot(), withBot).allowed).toBe(false);
    expect(authorize('close', bot(), assignedToMe).allowed).toBe(false);
    expect(authorize('close', bot(), { state: AssignedToBot, botId: 'bot-9' }).allowed).toBe(false);
    expect(authorize('close', bot(false), withBot).allowed).toBe(false);
  });

  it('clients never act through RPC', () => {
    const client: ActorContext = { type: 'client', id: 'c', isSupervisor: false, isLineOperator: false, isLineBot: false };
    expect(authorize('update', client, waiting).allowed).toBe(false);
  });
});
