import { LineMessageDataSchema } from '../data/message.data';
import { CountReplySchema, CountRequestSchema, SearchRequestSchema } from '../query/search';
import { itemsReplySchema, rpcSubjects, RpcSchemaPair } from './rpc-common';

/**
 * Messages are also searchable across sessions (by `session`, `client`, `operator`, `bot`,
 * `type`, `isRead`, `__createdAt`…); within one session use `lines.sessions.getAllMessages`.
 */
export const LinesMessagesRpc = rpcSubjects('messages', ['search', 'count'] as const);

export const MessageSearchReplySchema = itemsReplySchema(LineMessageDataSchema);

export const LinesMessagesRpcSchemas = {
  [LinesMessagesRpc.search]: { request: SearchRequestSchema, reply: MessageSearchReplySchema },
  [LinesMessagesRpc.count]: { request: CountRequestSchema, reply: CountReplySchema },
} as const satisfies Record<
  (typeof LinesMessagesRpc)[keyof typeof LinesMessagesRpc],
  RpcSchemaPair
>;
