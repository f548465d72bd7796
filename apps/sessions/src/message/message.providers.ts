import { Provider, Type } from '@nestjs/common';
import { InboundMessageListener } from './inbound/inbound-message.listener';
import { ReceiveInboundMessageUseCase } from './inbound/receive-inbound-message.use-case';
import { MessageRepository } from './persistence/message.repository';
import { MessagePageBudgetProvider } from './query/message-page.budget';
import { MessageQueryHandler } from './query/message-query.handler';
import { MessageQueryUseCase } from './query/message-query.use-case';
import { SendMessageHandler } from './send-message/send-message.handler';
import { SendMessageUseCase } from './send-message/send-message.use-case';
import { SendSystemMessageHandler } from './send-system-message/send-system-message.handler';
import { SendSystemMessageUseCase } from './send-system-message/send-system-message.use-case';

export const MESSAGE_HANDLERS: Type<unknown>[] = [SendMessageHandler, SendSystemMessageHandler, MessageQueryHandler];

export const MESSAGE_PROVIDERS: Provider[] = [
  MessageRepository,
  SendMessageUseCase,
  SendSystemMessageUseCase,
  MessageQueryUseCase,
  MessagePageBudgetProvider,
  ReceiveInboundMessageUseCase,
  InboundMessageListener,
];
