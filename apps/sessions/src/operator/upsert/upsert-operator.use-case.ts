import { Injectable } from '@nestjs/common';
import { LinesRpc, OperatorData, OperatorStatusType, RpcParsedRequest } from '@openlines/contracts';
import { OperatorRoutingNotifier } from '../operator-routing.notifier';
import { OperatorRepository } from '../persistence/operator.repository';
import { toOperatorData } from '../persistence/operator.schema';

export type UpsertOperatorRequest = RpcParsedRequest<typeof LinesRpc.operators.upsert>;

/** Creates an operator (offline) or replaces their name and groups; presence is kept. */
@Injectable()
export class UpsertOperatorUseCase {
  constructor(
    private readonly operators: OperatorRepository,
    private readonly notifier: OperatorRoutingNotifier,
  ) {}

  async execute(request: UpsertOperatorRequest): Promise<OperatorData> {
    const groups = [...new Set(request.groups)];
    const before = await this.operators.findById(request.operatorId);
    const name = request.name ?? before?.__name ?? request.operatorId;
    const saved = await this.operators.upsert(request.operatorId, name, groups, new Date().toISOString());
    if (saved === null) throw new Error(`upsert of operator ${request.operatorId} returned nothing`);
    const joined = groups.some((group) => !(before?._groups ?? []).includes(group));
    if (joined && saved._status === OperatorStatusType.online) await this.notifier.operatorAvailable();
    return toOperatorData(saved);
  }
}
