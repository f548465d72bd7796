import { Provider, Type } from '@nestjs/common';
import { ClientDirectory, LineDirectory } from '../directory/directory.ports';
import { RpcClientDirectory, RpcLineDirectory } from '../directory/rpc-line.directory';
import { SessionOutboxRelay } from '../outbox/session-outbox.relay';
import { QueueClock } from '../routing/domain/queue.rules';
import { OperatorAssignment } from '../routing/operator-assignment.service';
import { RoutingService } from '../routing/routing.service';
import { RoutingTrigger } from '../routing/routing.trigger';
import { ActorContextResolver } from './actor-context.resolver';
import { AssignToBotHandler } from './assign-to-bot/assign-to-bot.handler';
import { AssignToBotUseCase } from './assign-to-bot/assign-to-bot.use-case';
import { AssignToOperatorGroupHandler } from './assign-to-operator-group/assign-to-operator-group.handler';
import { AssignToOperatorGroupUseCase } from './assign-to-operator-group/assign-to-operator-group.use-case';
import { AssignToOperatorHandler } from './assign-to-operator/assign-to-operator.handler';
import { AssignToOperatorUseCase } from './assign-to-operator/assign-to-operator.use-case';
import { CloseSessionHandler } from './close/close-session.handler';
import { CloseSessionUseCase } from './close/close-session.use-case';
import { CreateSessionHandler } from './create/create-session.handler';
import { CreateSessionUseCase } from './create/create-session.use-case';
import { MarkAsSpamHandler } from './mark-as-spam/mark-as-spam.handler';
import { MarkAsSpamUseCase } from './mark-as-spam/mark-as-spam.use-case';
import { SessionRepository } from './persistence/session.repository';
import { SessionQueryHandler } from './query/session-query.handler';
import { SessionQueryUseCase } from './query/session-query.use-case';
import { SessionChanges } from './session-changes.service';
import { SessionCommandGuard } from './session-command.guard';
import { SessionWriter } from './session.writer';
import { SetPriorityHandler } from './set-priority/set-priority.handler';
import { SetPriorityUseCase } from './set-priority/set-priority.use-case';
import { UnmarkAsSpamHandler } from './unmark-as-spam/unmark-as-spam.handler';
import { UnmarkAsSpamUseCase } from './unmark-as-spam/unmark-as-spam.use-case';
import { UpdateSessionHandler } from './update/update-session.handler';
import { UpdateSessionUseCase } from './update/update-session.use-case';

export const SESSION_HANDLERS: Type<unknown>[] = [
  CreateSessionHandler,
  UpdateSessionHandler,
  AssignToOperatorHandler,
  AssignToOperatorGroupHandler,
  AssignToBotHandler,
  CloseSessionHandler,
  MarkAsSpamHandler,
  UnmarkAsSpamHandler,
  SetPriorityHandler,
  SessionQueryHandler,
];

/** Sessions, their writes and outbox, routing, and the other services they ask. */
export const SESSION_PROVIDERS: Provider[] = [
  { provide: QueueClock, useValue: new QueueClock() },
  { provide: LineDirectory, useClass: RpcLineDirectory },
  { provide: ClientDirectory, useClass: RpcClientDirectory },
  SessionRepository,
  SessionOutboxRelay,
  SessionWriter,
  SessionChanges,
  SessionCommandGuard,
  ActorContextResolver,
  RoutingTrigger,
  RoutingService,
  OperatorAssignment,
  CreateSessionUseCase,
  UpdateSessionUseCase,
  AssignToOperatorUseCase,
  AssignToOperatorGroupUseCase,
  AssignToBotUseCase,
  CloseSessionUseCase,
  MarkAsSpamUseCase,
  UnmarkAsSpamUseCase,
  SetPriorityUseCase,
  SessionQueryUseCase,
];
