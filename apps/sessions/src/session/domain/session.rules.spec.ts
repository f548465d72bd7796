import { LineSessionState } from '@openlines/contracts';
import {
  ALLOWED_FROM,
  SessionAction,
  SessionState,
  canTransition,
  isOpenState,
  nextState,
  restoreAfterSpam,
} from './session.rules';

const { Waiting: W, AssignedToBot: B, AssignedToOperator: O, MarkedAsSpam: S, Closed: C } = LineSessionState;
const STATES: SessionState[] = [W, B, O, S, C];

/** The whole table, written out: action → (from state → expected next state, or null when refused). */
const EXPECTED: Record<SessionAction, Record<SessionState, SessionState | null>> = {
  assignToOperator: { [W]: O, [B]: O, [O]: O, [S]: null, [C]: null },
  assignToBot: { [W]: B, [B]: null, [O]: B, [S]: null, [C]: null },
  assignToOperatorGroup: { [W]: W, [B]: W, [O]: W, [S]: null, [C]: null },
  close: { [W]: C, [B]: C, [O]: C, [S]: null, [C]: null },
  markAsSpam: { [W]: S, [B]: S, [O]: S, [S]: null, [C]: null },
  unmarkAsSpam: { [W]: null, [B]: null, [O]: null, [S]: S, [C]: null },
  setPriority: { [W]: W, [B]: B, [O]: O, [S]: null, [C]: null },
  update: { [W]: W, [B]: B, [O]: O, [S]: S, [C]: C },
  sendMessage: { [W]: null, [B]: B, [O]: O, [S]: null, [C]: null },
  sendSystemMessage: { [W]: W, [B]: B, [O]: O, [S]: null, [C]: null },
  receiveClientMessage: { [W]: W, [B]: B, [O]: O, [S]: S, [C]: null },
  requeue: { [W]: null, [B]: null, [O]: W, [S]: null, [C]: null },
};

const cases = (Object.keys(EXPECTED) as SessionAction[]).flatMap((action) =>
  STATES.map((from) => [action, from, EXPECTED[action][from]] as const),
);

describe('session state machine', () => {
  it('covers every action of the table', () => {
    expect(Object.keys(ALLOWED_FROM).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)('%s from %s → %s', (action, from, expected) => {
    const result = nextState(action, from);
    expect(canTransition(action, from)).toBe(expected !== null);
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.refusal.details.state).toBe(from);
        expect(result.refusal.details.action).toBe(action);
        expect(result.refusal.details.allowedFrom).not.toContain(from);
        expect(result.refusal.message).toContain(from);
      }
    } else {
      expect(result).toEqual({ ok: true, state: expected });
    }
  });

  it('knows the open states', () => {
    expect(STATES.filter(isOpenState)).toEqual([W, B, O]);
  });

  it.each([
    [O, true, O],
    [O, false, W],
    [B, true, B],
    [B, false, B],
    [W, true, W],
    [undefined, true, W],
  ] as const)('un-spam restores %s (operator has room: %s) as %s', (before, room, expected) => {
    expect(restoreAfterSpam(before, room)).toBe(expected);
  });
});
