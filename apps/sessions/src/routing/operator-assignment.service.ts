import { Injectable } from '@nestjs/common';
import { LineData, LineSessionState } from '@openlines/contracts';
import { OperatorLoadGuard } from '../operator/operator-load.guard';
import { isConflict } from '../session/domain/session.errors';
import { SessionDocument } from '../session/persistence/session.schema';
import { SessionChanges } from '../session/session-changes.service';
import { SessionPatch, WriteContext } from '../session/session.writer';

export type AssignmentOutcome =
  | { ok: true; session: SessionDocument }
  /** capacity: the operator has no free seat; moved: the session changed since it was read. */
  | { ok: false; why: 'capacity' | 'moved' };

/**
 * Gives a session to an operator under both invariants: a capacity seat first (so an operator
 * never exceeds the line's capacity), then a compare-and-set on the session's version (so a
 * session never gets two assignees). The loser of either race writes nothing.
 */
@Injectable()
export class OperatorAssignment {
  constructor(
    private readonly loads: OperatorLoadGuard,
    private readonly changes: SessionChanges,
  ) {}

  async tryAssign(
    session: SessionDocument,
    line: LineData,
    operatorId: string,
    context: WriteContext,
    extra: SessionPatch = {},
  ): Promise<AssignmentOutcome> {
    if (session._state === LineSessionState.AssignedToOperator && session._userId === operatorId) {
      return { ok: true, session }; // already theirs: nothing to do
    }
    const seat = await this.loads.reserve(line.__id, operatorId, line._operatorCapacity, session.__id, session._version);
    if (seat === null) return { ok: false, why: 'capacity' };
    try {
      const patch: SessionPatch = {
        ...extra,
        set: { ...extra.set, _state: LineSessionState.AssignedToOperator, _userId: operatorId },
        unset: ['_botId', ...(extra.unset ?? [])],
      };
      return { ok: true, session: await this.changes.apply(session, patch, context) };
    } catch (error) {
      await this.loads.release(line.__id, operatorId, seat);
      if (isConflict(error)) return { ok: false, why: 'moved' };
      throw error;
    }
  }
}
