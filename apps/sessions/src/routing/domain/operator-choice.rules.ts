/**
 * Automatic distribution [ours]: among the line's online operators (of the session's group when it
 * waits in a group's queue) with room below the line's capacity, the one with the fewest active
 * sessions; ties go to the longest idle (earliest `idleSince`), then to the smaller id so the
 * choice is deterministic. Every decision returns its reasons, stored with the assignment.
 */
import { OperatorStatusType } from '@openlines/contracts';

export type Presence = OperatorStatusType;

export interface OperatorCandidate {
  operatorId: string;
  status: Presence;
  groups: readonly string[];
  /** Active sessions on this line, counted from the store. */
  activeSessions: number;
  /** ISO time since which the operator has had no new session (last assignment or coming online). */
  idleSince: string;
}

export type ExclusionReason = 'offline' | 'away' | 'notInGroup' | 'atCapacity';

export interface CandidateVerdict {
  operatorId: string;
  status: Presence;
  activeSessions: number;
  capacity: number;
  idleSince: string;
  eligible: boolean;
  excludedBecause?: ExclusionReason;
}

export const AUTO_RULE = 'auto: fewest active sessions below capacity, then longest idle';

export interface OperatorChoice {
  chosen?: string;
  rule: string;
  candidates: CandidateVerdict[];
}

export interface ChoiceInput {
  candidates: readonly OperatorCandidate[];
  capacity: number;
  /** The groups whose members may take the session: its own group, else all operator groups of the line. */
  eligibleGroups: readonly string[];
  /** Operators to leave out this round (e.g. whose load guard just refused). */
  skip?: ReadonlySet<string>;
}

function exclusionOf(candidate: OperatorCandidate, input: ChoiceInput): ExclusionReason | undefined {
  if (candidate.status === OperatorStatusType.offline) return 'offline';
  if (candidate.status === OperatorStatusType.away) return 'away';
  if (!candidate.groups.some((group) => input.eligibleGroups.includes(group))) return 'notInGroup';
  if (candidate.activeSessions >= input.capacity || input.skip?.has(candidate.operatorId)) return 'atCapacity';
  return undefined;
}

/** Negative when `a` is preferred. */
export function compareCandidates(a: OperatorCandidate, b: OperatorCandidate): number {
  if (a.activeSessions !== b.activeSessions) return a.activeSessions - b.activeSessions;
  const byIdle = Date.parse(a.idleSince) - Date.parse(b.idleSince);
  if (byIdle !== 0) return byIdle;
  return a.operatorId < b.operatorId ? -1 : a.operatorId > b.operatorId ? 1 : 0;
}

export function chooseOperator(input: ChoiceInput): OperatorChoice {
  const verdicts: CandidateVerdict[] = [];
  const eligible: OperatorCandidate[] = [];
  for (const candidate of input.candidates) {
    const excludedBecause = exclusionOf(candidate, input);
    verdicts.push({
      operatorId: candidate.operatorId,
      status: candidate.status,
      activeSessions: candidate.activeSessions,
      capacity: input.capacity,
      idleSince: candidate.idleSince,
      eligible: excludedBecause === undefined,
      ...(excludedBecause ? { excludedBecause } : {}),
    });
    if (excludedBecause === undefined) eligible.push(candidate);
  }
  const best = [...eligible].sort(compareCandidates)[0];
  return { chosen: best?.operatorId, rule: AUTO_RULE, candidates: verdicts };
}
