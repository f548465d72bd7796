import { Provider, Type } from '@nestjs/common';
import { OperatorLoadGuard } from './operator-load.guard';
import { OperatorRoutingNotifier } from './operator-routing.notifier';
import { OperatorLoadRepository } from './persistence/operator-load.repository';
import { OperatorRepository } from './persistence/operator.repository';
import { OperatorQueryHandler } from './query/operator-query.handler';
import { OperatorQueryUseCase } from './query/operator-query.use-case';
import { SetOperatorStatusHandler } from './set-status/set-operator-status.handler';
import { SetOperatorStatusUseCase } from './set-status/set-operator-status.use-case';
import { UpsertOperatorHandler } from './upsert/upsert-operator.handler';
import { UpsertOperatorUseCase } from './upsert/upsert-operator.use-case';

export const OPERATOR_HANDLERS: Type<unknown>[] = [UpsertOperatorHandler, SetOperatorStatusHandler, OperatorQueryHandler];

export const OPERATOR_PROVIDERS: Provider[] = [
  OperatorRepository,
  OperatorLoadRepository,
  OperatorLoadGuard,
  OperatorRoutingNotifier,
  UpsertOperatorUseCase,
  SetOperatorStatusUseCase,
  OperatorQueryUseCase,
];
