import { isTimeMetricType, LineMetricType, LineSessionState } from '@openlines/contracts';
import { Contribution } from '../../src/projection/domain/contribution.rules';
import { SessionFact } from '../../src/projection/domain/session-fact';
import { applyFact, emptyProjection } from '../../src/projection/domain/session-projection.rules';

export const BASE_TIME = Date.UTC(2025, 0, 6, 9, 0, 0);

/**
 * Writes the facts of one session the way the sessions service emits them: times in seconds
 * from BASE_TIME, versions increasing with every change, a reassignment or close snapshot
 * sharing the version of the change that caused it.
 */
export class SessionScript {
  readonly facts: SessionFact[] = [];
  private version = 0;
  private seq = 0;

  constructor(
    readonly sessionId = 'S1',
    readonly lineId = 'L1',
    readonly channelId = 'C1',
  ) {}

  created(
    sec: number,
    state: LineSessionState,
    who: { userId?: string; botId?: string } = {},
  ): this {
    this.version = 1;
    return this.push({
      kind: 'created',
      eventId: this.id('created'),
      version: 1,
      at: at(sec),
      state,
      ...who,
    });
  }

  changed(
    sec: number,
    change: {
      state?: LineSessionState;
      userId?: string | null;
      botId?: string | null;
      blockedClient?: boolean;
    },
  ): this {
    this.version += 1;
    return this.push({
      kind: 'changed',
      eventId: this.id('changed'),
      version: this.version,
      at: at(sec),
      ...change,
    });
  }

  /** A reassignment emitted with the change just written. */
  reassigned(
    sec: number,
    move: { from?: string; to?: string; toGroup?: string; toBot?: string },
  ): this {
    const fact: SessionFact = {
      kind: 'reassigned',
      eventId: this.id('reassigned'),
      version: this.version,
      at: at(sec),
    };
    if (move.from !== undefined) fact.fromUserId = move.from;
    if (move.to !== undefined) fact.toUserId = move.to;
    if (move.toGroup !== undefined) fact.toGroupId = move.toGroup;
    if (move.toBot !== undefined) fact.toBotId = move.toBot;
    return this.push(fact);
  }

  assign(sec: number, userId: string, from?: string): this {
    this.changed(sec, { state: LineSessionState.AssignedToOperator, userId });
    return this.reassigned(sec, { from, to: userId });
  }

  close(sec: number): this {
    this.changed(sec, { state: LineSessionState.Closed });
    return this.push({
      kind: 'closed',
      eventId: this.id('closed'),
      version: this.version,
      at: at(sec),
    });
  }

  client(sec: number): this {
    return this.push({ kind: 'message', eventId: this.id('msg'), at: at(sec), sender: 'client' });
  }

  operator(sec: number, operatorId: string): this {
    return this.push({
      kind: 'message',
      eventId: this.id('msg'),
      at: at(sec),
      sender: 'operator',
      operatorId,
    });
  }

  private push(fact: SessionFact): this {
    this.facts.push(fact);
    return this;
  }

  private id(kind: string): string {
    this.seq += 1;
    return `${this.sessionId}-${kind}-${this.seq}`;
  }
}

export function at(sec: number): number {
  return BASE_TIME + sec * 1000;
}

/**
 * Applies facts one by one (in the given arrival order) the way the listener does, keeping the
 * set of contributions the items would hold, and returns it.
 */
export function project(
  script: SessionScript,
  arrival: readonly SessionFact[] = script.facts,
): Contribution[] {
  let projection = emptyProjection(script.sessionId);
  const counted = new Map<string, Contribution>();
  for (const fact of arrival) {
    const result = applyFact(projection, fact, {
      lineId: script.lineId,
      channelId: script.channelId,
    });
    if (result.duplicate) continue;
    projection = result.projection;
    result.delta.removed.forEach((c) => counted.delete(c.id));
    result.delta.added.forEach((c) => counted.set(c.id, c));
  }
  return [...counted.values()];
}

/**
 * The figures as readable strings per metric type: `30@A` = 30 seconds (or a count of 1)
 * credited to operator A; `1` = a count credited to nobody. Sorted, types without any left out.
 */
export function figures(
  contributions: readonly Contribution[],
): Partial<Record<LineMetricType, string[]>> {
  const out: Partial<Record<LineMetricType, string[]>> = {};
  for (const c of contributions) {
    const value = isTimeMetricType(c.type) ? c.value / 1000 : c.value;
    (out[c.type] ??= []).push(c.operator === undefined ? `${value}` : `${value}@${c.operator}`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}
