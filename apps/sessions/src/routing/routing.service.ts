import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { LineData, LineSessionState, OperatorStatusType, SYSTEM_ACTOR } from '@openlines/contracts';
import { LOGGER, Logger } from '@openlines/observability';
import { KeyedSerializer } from '../concurrency/keyed-serializer';
import { SESSIONS_CONFIG, SessionsConfig } from '../config/sessions.config';
import { LineDirectory } from '../directory/directory.ports';
import { OperatorLoadRepository } from '../operator/persistence/operator-load.repository';
import { OperatorRepository } from '../operator/persistence/operator.repository';
import { SessionRepository } from '../session/persistence/session.repository';
import { OperatorCandidate, chooseOperator } from './domain/operator-choice.rules';
import { orderQueue } from './domain/queue.rules';
import { OperatorAssignment } from './operator-assignment.service';
import { RoutingTrigger } from './routing.trigger';

const RETRY_AFTER_FAILURE_MS = 1000;
/** Attempts on one session per run while it keeps changing under the router (lost compare-and-sets). */
const MAX_LOST_RACES_PER_SESSION = 5;

/**
 * Automatic distribution, driven by events (RoutingTrigger), never by a periodic sweep. Runs of
 * one line are serialised inside the process and coalesced (a trigger during a run schedules
 * exactly one more run); across replicas the compare-and-set and the capacity seats keep it safe.
 * At start every line with a queue is routed once: the triggers and retry timers of a process
 * that died died with it, and nothing else would offer its waiting sessions to operators who are
 * online already before the next event on their line.
 */
@Injectable()
export class RoutingService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly perLine = new KeyedSerializer();
  /** The run of each line that is scheduled but not started yet: later triggers join it. */
  private readonly scheduled = new Map<string, Promise<void>>();
  private readonly log: Logger;
  private stopped = false;

  constructor(
    private readonly trigger: RoutingTrigger,
    private readonly directory: LineDirectory,
    private readonly sessions: SessionRepository,
    private readonly operators: OperatorRepository,
    private readonly loads: OperatorLoadRepository,
    private readonly assignment: OperatorAssignment,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'routing' });
  }

  onModuleInit(): void {
    this.trigger.register((lineId) => this.schedule(lineId));
  }

  onApplicationBootstrap(): void {
    void this.sessions.linesWithWaiting().then(
      (lines) => lines.forEach((lineId) => void this.schedule(lineId)),
      (error: unknown) => this.log.error({ err: error }, 'start-up routing: the queues could not be read'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.perLine.idle();
  }

  /** Routes the line after the run in progress (if any); resolves when that run ends. Never rejects. */
  schedule(lineId: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const pending = this.scheduled.get(lineId);
    if (pending !== undefined) return pending;
    const run = this.perLine.run(lineId, async () => {
      this.scheduled.delete(lineId);
      try {
        await this.route(lineId);
      } catch (error) {
        // E.g. the channels service did not answer: try again shortly rather than wait for the next event.
        this.log.error({ err: error, lineId }, 'routing run failed; retrying');
        if (!this.stopped) setTimeout(() => void this.schedule(lineId), RETRY_AFTER_FAILURE_MS).unref();
      }
    });
    this.scheduled.set(lineId, run);
    return run;
  }

  private async route(lineId: string): Promise<void> {
    const line = await this.directory.getLine(lineId);
    if (line._distribution !== 'auto' || line.__deletedAt !== undefined || this.stopped) return;
    const candidates = await this.candidatesOf(line);
    const hasRoom = () =>
      candidates.some((c) => c.status === OperatorStatusType.online && c.activeSessions < line._operatorCapacity);
    if (!hasRoom()) return;
    const now = new Date();
    const waiting = (await this.sessions.waitingOn(lineId)).map((entry) => ({
      entry,
      id: entry.__id,
      priority: entry._priority,
      queuedAt: entry._queuedAt ?? entry.__createdAt,
      queueTick: entry._queueTick ?? entry._createdTick,
    }));
    for (const { entry } of orderQueue(waiting, now, this.config.queueAgingMinutes)) {
      if (!hasRoom() || this.stopped) return;
      const eligibleGroups = entry._userGroupId !== undefined ? [entry._userGroupId] : line._operatorGroups;
      await this.offer(entry.__id, line, candidates, eligibleGroups);
    }
  }

  /**
   * Offers one waiting session to the best candidate. A candidate whose seats turn out to be taken
   * (another replica, a manual assignment) is skipped; a session that changed meanwhile (a client
   * message) is read again, as long as it still waits.
   */
  private async offer(sessionId: string, line: LineData, candidates: OperatorCandidate[], eligibleGroups: string[]): Promise<void> {
    const full = new Set<string>();
    for (let lostRaces = 0; lostRaces < MAX_LOST_RACES_PER_SESSION; ) {
      const session = await this.sessions.findById(sessionId);
      if (session === null || session._state !== LineSessionState.Waiting) return;
      const choice = chooseOperator({ candidates, capacity: line._operatorCapacity, eligibleGroups, skip: full });
      if (choice.chosen === undefined) return;
      const at = new Date();
      const outcome = await this.assignment.tryAssign(session, line, choice.chosen, {
        actor: SYSTEM_ACTOR,
        now: at,
        reason: 'routing',
        decision: { rule: choice.rule, candidates: choice.candidates },
      });
      const chosen = candidates.find((c) => c.operatorId === choice.chosen);
      if (outcome.ok) {
        if (chosen) Object.assign(chosen, { activeSessions: chosen.activeSessions + 1, idleSince: at.toISOString() });
        return;
      }
      if (outcome.why === 'capacity') {
        full.add(choice.chosen);
        if (chosen) chosen.activeSessions = line._operatorCapacity;
      } else {
        lostRaces += 1;
      }
    }
  }

  private async candidatesOf(line: LineData): Promise<OperatorCandidate[]> {
    const [operators, active, loads] = await Promise.all([
      this.operators.inGroups(line._operatorGroups),
      this.sessions.activeCountsOn(line.__id),
      this.loads.ofLine(line.__id),
    ]);
    return operators.map((operator) => {
      const lastAssignedAt = loads.get(operator.__id)?._lastAssignedAt;
      const idleSince =
        lastAssignedAt !== undefined && lastAssignedAt > operator._statusChangedAt ? lastAssignedAt : operator._statusChangedAt;
      return {
        operatorId: operator.__id,
        status: operator._status,
        groups: operator._groups,
        activeSessions: active.get(operator.__id) ?? 0,
        idleSince,
      };
    });
  }
}
