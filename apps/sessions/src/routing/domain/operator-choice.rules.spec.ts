import { OperatorStatusType } from '@openlines/contracts';
import { AUTO_RULE, OperatorCandidate, chooseOperator } from './operator-choice.rules';

const op = (operatorId: string, activeSessions: number, idleSince: string, extra: Partial<OperatorCandidate> = {}): OperatorCandidate => ({
  operatorId, status: OperatorStatusType.online, groups: ['g1'], activeSessions, idleSince, ...extra,
});
const EARLY = '2024-01-01T09:00:00.000Z';
const LATE = '2024-01-01T10:00:00.000Z';

describe('operator choice (auto distribution)', () => {
  it('picks the fewest active sessions below capacity', () => {
    const choice = chooseOperator({ candidates: [op('a', 2, EARLY), op('b', 1, LATE), op('c', 3, EARLY)], capacity: 3, eligibleGroups: ['g1'] });
    expect(choice.chosen).toBe('b');
    expect(choice.rule).toBe(AUTO_RULE);
    expect(choice.candidates.find((c) => c.operatorId === 'c')).toMatchObject({ eligible: false, excludedBecause: 'atCapacity', capacity: 3 });
  });

  it('breaks ties by the longest idle, then by id', () => {
    expect(chooseOperator({ candidates: [op('a', 1, LATE), op('b', 1, EARLY)], capacity: 3, eligibleGroups: ['g1'] }).chosen).toBe('b');
    expect(chooseOperator({ candidates: [op('z', 1, EARLY), op('y', 1, EARLY)], capacity: 3, eligibleGroups: ['g1'] }).chosen).toBe('y');
  });

  it('leaves out offline, away, other-group and skipped operators, saying why', () => {
    const choice = chooseOperator({
      candidates: [
        op('off', 0, EARLY, { status: OperatorStatusType.offline }),
        op('away', 0, EARLY, { status: OperatorStatusType.away }),
        op('other', 0, EARLY, { groups: ['g2'] }),
        op('skipped', 0, EARLY),
        op('ok', 2, LATE),
      ],
      capacity: 3,
      eligibleGroups: ['g1'],
      skip: new Set(['skipped']),
    });
    expect(choice.chosen).toBe('ok');
    expect(Object.fromEntries(choice.candidates.map((c) => [c.operatorId, c.excludedBecause ?? 'eligible']))).toEqual({
      off: 'offline', away: 'away', other: 'notInGroup', skipped: 'atCapacity', ok: 'eligible',
    });
  });

  it('chooses nobody when everyone is full', () => {
    const choice = chooseOperator({ candidates: [op('a', 3, EARLY), op('b', 4, EARLY)], capacity: 3, eligibleGroups: ['g1'] });
    expect(choice.chosen).toBeUndefined();
    expect(choice.candidates.every((c) => !c.eligible)).toBe(true);
  });
});
