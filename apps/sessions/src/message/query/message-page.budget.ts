import { Provider } from '@nestjs/common';
import { DEFAULT_NATS_MAX_PAYLOAD, NATS_CONNECTION, NatsConnection } from '@openlines/messaging';

/** How many JSON bytes of messages one getAllMessages reply may carry (read per request). */
export type MessagePageBudget = () => number;
export const MESSAGE_PAGE_BUDGET = Symbol.for('openlines:sessions:message-page-budget');

/**
 * Half the NATS server's max payload: the reply-size guard refuses replies above the max payload
 * less its envelope, and half leaves room for that with any server setting.
 */
export const MessagePageBudgetProvider: Provider = {
  provide: MESSAGE_PAGE_BUDGET,
  inject: [NATS_CONNECTION],
  useFactory:
    (nc: NatsConnection): MessagePageBudget =>
    () =>
      Math.floor((nc.info?.max_payload ?? DEFAULT_NATS_MAX_PAYLOAD) / 2),
};
