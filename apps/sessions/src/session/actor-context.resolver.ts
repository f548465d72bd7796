import { Injectable } from '@nestjs/common';
import { Actor, LineData } from '@openlines/contracts';
import { OperatorRepository } from '../operator/persistence/operator.repository';
import { ActorContext } from './domain/session-permissions.rules';

/** What the actor of a request is to the session's line: operator, supervisor, its bot, online or not. */
@Injectable()
export class ActorContextResolver {
  constructor(private readonly operators: OperatorRepository) {}

  async resolve(actor: Actor, line: LineData): Promise<ActorContext> {
    const none = { isSupervisor: false, isLineOperator: false, isLineBot: false };
    if (actor.type === 'bot') {
      // An anonymous bot actor is the line's bot.
      const id = actor.id ?? line._bot;
      return { ...none, type: 'bot', ...(id === undefined ? {} : { id }), isLineBot: id !== undefined && id === line._bot };
    }
    if (actor.type !== 'operator' || actor.id === undefined) return { ...none, type: actor.type, ...(actor.id ? { id: actor.id } : {}) };
    const operator = await this.operators.findById(actor.id);
    const groups = operator?._groups ?? [];
    return {
      ...none,
      type: 'operator',
      id: actor.id,
      isSupervisor: groups.some((group) => line._supervisorGroups.includes(group)),
      isLineOperator: groups.some((group) => line._operatorGroups.includes(group)),
      ...(operator === null ? {} : { status: operator._status }),
    };
  }
}
