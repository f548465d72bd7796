import { ActorType, LineSessionState, OperatorStatusType } from '@openlines/contracts';
import { SessionAction, SessionState } from './session.rules';

/** What the use case knows about the actor in relation to the session's line. */
export interface ActorContext {
  type: ActorType;
  id?: string;
  /** Member of one of the line's `_supervisorGroups`. */
  isSupervisor: boolean;
  /** Member of one of the line's `_operatorGroups`. */
  isLineOperator: boolean;
  /** The actor's presence; undefined for non-operators and unknown users (treated as offline). */
  status?: OperatorStatusType;
  /** The actor is the line's `_bot`. */
  isLineBot: boolean;
}

export interface SessionView {
  state: SessionState;
  userId?: string;
  botId?: string;
}

/** Reads carry no actor on the wire (the gateway authorises them), so only writes are decided here. */
export type PermissionAction = SessionAction | 'create';

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** What the session's current bot may do: hand over, reply, close, tidy up. */
const BOT_ACTIONS: readonly PermissionAction[] = [
  'assignToOperator', 'assignToOperatorGroup', 'close', 'sendMessage', 'sendSystemMessage',
  'setPriority', 'update',
];

/** What the operator the session is assigned to may do with it (when not offline). */
const ASSIGNEE_ACTIONS: readonly PermissionAction[] = [
  'assignToOperator', 'assignToBot', 'assignToOperatorGroup', 'close', 'sendMessage',
  'sendSystemMessage', 'setPriority', 'update', 'unmarkAsSpam',
];

/**
 * Who may do what [doc + ours]. The system is trusted like a supervisor; a supervisor may do
 * everything whatever their presence (supervising is not answering); an offline operator changes
 * nothing (reads only); markAsSpam needs an online operator of the line; taking a session from the queue needs
 * an online operator (away answers own sessions but gets no new ones).
 * `targetUserId` is the operator an assignToOperator names.
 */
export function authorize(
  action: PermissionAction,
  actor: ActorContext,
  session: SessionView | undefined,
  targetUserId?: string,
): Decision {
  if (actor.type === 'system' || actor.isSupervisor) return ALLOW;
  if (actor.type === 'client') return deny('clients act only through their messages');
  if (actor.type === 'bot') return authorizeBot(action, actor, session);
  if (!actor.isLineOperator) return deny('the actor is not an operator of the line');
  const status = actor.status ?? OperatorStatusType.offline;
  if (status === OperatorStatusType.offline) return deny('an offline operator can only read');
  if (action === 'create') return ALLOW;
  if (action === 'markAsSpam') {
    return status === OperatorStatusType.online ? ALLOW : deny('only online operators and supervisors may mark spam');
  }
  const isAssignee = session?.userId !== undefined && session.userId === actor.id;
  if (action === 'assignToOperator' && targetUserId === actor.id && !isAssignee) {
    if (status !== OperatorStatusType.online) return deny('an away operator gets no new sessions');
    return ALLOW; // taking from the queue (or from the bot); a colleague's session is a CONFLICT, see use case
  }
  if (action === 'unmarkAsSpam') return ALLOW;
  if (isAssignee && ASSIGNEE_ACTIONS.includes(action)) return ALLOW;
  return deny(`only the assigned operator or a supervisor may ${action}`);
}

function authorizeBot(action: PermissionAction, actor: ActorContext, session: SessionView | undefined): Decision {
  if (!actor.isLineBot) return deny('the bot is not the bot of the line');
  const isCurrentBot = session?.state === LineSessionState.AssignedToBot && session.botId === actor.id;
  if (isCurrentBot && BOT_ACTIONS.includes(action)) return ALLOW;
  return deny(`a bot may ${action} only a session assigned to it`);
}
