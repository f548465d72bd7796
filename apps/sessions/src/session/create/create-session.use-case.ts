import { Injectable } from '@nestjs/common';
import {
  LineSessionData,
  LineSessionState,
  OpenLinesError,
  RpcParsedRequest,
  LinesRpc,
} from '@openlines/contracts';
import { ClientDirectory, LineDirectory } from '../../directory/directory.ports';
import { QueueClock } from '../../routing/domain/queue.rules';
import { OperatorLoadGuard } from '../../operator/operator-load.guard';
import { ActorContextResolver } from '../actor-context.resolver';
import { SessionErrors, isConflict } from '../domain/session.errors';
import { newSessionDocument } from '../domain/session.factory';
import { SessionRepository } from '../persistence/session.repository';
import { toSessionData } from '../persistence/session.schema';
import { SessionChanges } from '../session-changes.service';
import { SessionCommandGuard } from '../session-command.guard';

export type CreateSessionRequest = RpcParsedRequest<typeof LinesRpc.sessions.create>;

/**
 * [doc] `LineSessions.create(channel, account)`: a session opened on behalf of an operator with
 * the client of that account (found or created by the clients service). It starts assigned to
 * the operator who opened it (within their capacity); opened by anyone else it joins the queue.
 * A client has one open session per line: a second one is a CONFLICT naming the open one.
 */
@Injectable()
export class CreateSessionUseCase {
  constructor(
    private readonly directory: LineDirectory,
    private readonly clients: ClientDirectory,
    private readonly sessions: SessionRepository,
    private readonly actors: ActorContextResolver,
    private readonly guard: SessionCommandGuard,
    private readonly loads: OperatorLoadGuard,
    private readonly changes: SessionChanges,
    private readonly clock: QueueClock,
  ) {}

  async execute(request: CreateSessionRequest): Promise<LineSessionData> {
    const channel = await this.directory.getChannel(request.channelId);
    if (channel.__deletedAt !== undefined) throw OpenLinesError.notFound('channel', request.channelId);
    const line = await this.directory.getLine(channel._line);
    const actor = await this.actors.resolve(request.actor, line);
    this.guard.authorize('create', actor, undefined);
    const { client } = await this.clients.findOrCreate({ channelId: channel.__id, account: request.account });
    const open = await this.sessions.findOpen(line.__id, client.__id);
    if (open !== null) throw SessionErrors.openSessionExists(open.__id);

    const operatorId = actor.type === 'operator' && (actor.isLineOperator || actor.isSupervisor) ? actor.id : undefined;
    const now = new Date();
    const doc = newSessionDocument({
      line,
      channel,
      client,
      account: request.account,
      now,
      tick: this.clock.tick(now),
      state: operatorId === undefined ? LineSessionState.Waiting : LineSessionState.AssignedToOperator,
      ...(request.actor.id === undefined ? {} : { createdBy: request.actor.id }),
      ...(operatorId === undefined ? {} : { userId: operatorId }),
    });
    const seat = operatorId === undefined ? null : await this.loads.reserve(line.__id, operatorId, line._operatorCapacity, doc.__id, 0);
    if (operatorId !== undefined && seat === null) throw SessionErrors.atCapacity(operatorId, line._operatorCapacity);
    try {
      const saved = await this.changes.create(doc, { actor: request.actor, now, reason: 'created' });
      return toSessionData(saved);
    } catch (error) {
      if (operatorId !== undefined && seat !== null) await this.loads.release(line.__id, operatorId, seat);
      if (!isConflict(error)) throw error;
      // Another request opened the client's session first (unique open key).
      const winner = await this.sessions.findOpen(line.__id, client.__id);
      throw winner === null ? error : SessionErrors.openSessionExists(winner.__id);
    }
  }
}
