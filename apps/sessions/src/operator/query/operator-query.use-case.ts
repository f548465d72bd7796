import { Injectable } from '@nestjs/common';
import { OpenLinesError, OperatorData } from '@openlines/contracts';
import { compileSearchRequest } from '@openlines/query';
import { OperatorRepository } from '../persistence/operator.repository';
import { OPERATOR_FIELDS, toOperatorData } from '../persistence/operator.schema';

@Injectable()
export class OperatorQueryUseCase {
  constructor(private readonly operators: OperatorRepository) {}

  async get(id: string): Promise<OperatorData> {
    const operator = await this.operators.findById(id);
    if (operator === null) throw OpenLinesError.notFound('operator', id);
    return toOperatorData(operator);
  }

  async search(request: unknown): Promise<{ items: OperatorData[] }> {
    const { filter, sort, skip, limit } = compileSearchRequest(OPERATOR_FIELDS, request);
    const docs = await this.operators.search(filter, { sort, skip, limit });
    return { items: docs.map(toOperatorData) };
  }
}
