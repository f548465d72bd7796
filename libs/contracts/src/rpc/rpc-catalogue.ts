import { z } from 'zod';
import { LinesChannelsRpc, LinesChannelsRpcSchemas } from './channels.rpc';
import { LinesClientsRpc, LinesClientsRpcSchemas } from './clients.rpc';
import { LinesLinesRpc, LinesLinesRpcSchemas } from './lines.rpc';
import { LinesMessagesRpc, LinesMessagesRpcSchemas } from './messages.rpc';
import { LinesMetricsRpc, LinesMetricsRpcSchemas } from './metrics.rpc';
import { LinesOperatorsRpc, LinesOperatorsRpcSchemas } from './operators.rpc';
import { LinesSessionsRpc, LinesSessionsRpcSchemas } from './sessions.rpc';

/**
 * Every RPC subject, by collection: `LinesRpc.sessions.assignToOperator` is
 * `'lines.sessions.assignToOperator'`. Use these constants, never literals (see rpc-common.ts on
 * renaming). Services subscribe to their collections only (channels: lines + channels; clients;
 * sessions: sessions + messages + operators; metrics).
 */
export const LinesRpc = {
  lines: LinesLinesRpc,
  channels: LinesChannelsRpc,
  clients: LinesClientsRpc,
  sessions: LinesSessionsRpc,
  messages: LinesMessagesRpc,
  operators: LinesOperatorsRpc,
  metrics: LinesMetricsRpc,
} as const;
export type RpcCollection = keyof typeof LinesRpc;

/** Subject → { request, reply } schemas, so a generic handler or client validates by subject. */
export const RPC_SCHEMAS = {
  ...LinesLinesRpcSchemas,
  ...LinesChannelsRpcSchemas,
  ...LinesClientsRpcSchemas,
  ...LinesSessionsRpcSchemas,
  ...LinesMessagesRpcSchemas,
  ...LinesOperatorsRpcSchemas,
  ...LinesMetricsRpcSchemas,
} as const;
export type RpcSubject = keyof typeof RPC_SCHEMAS;

/** What a caller sends (defaults not yet applied). */
export type RpcRequest<S extends RpcSubject> = z.input<(typeof RPC_SCHEMAS)[S]['request']>;
/** What a handler receives after `validate()` (defaults applied). */
export type RpcParsedRequest<S extends RpcSubject> = z.output<(typeof RPC_SCHEMAS)[S]['request']>;
export type RpcReply<S extends RpcSubject> = z.infer<(typeof RPC_SCHEMAS)[S]['reply']>;

export const RPC_SUBJECTS: readonly RpcSubject[] = Object.freeze(
  Object.keys(RPC_SCHEMAS) as RpcSubject[],
);

export function isRpcSubject(subject: string): subject is RpcSubject {
  return Object.prototype.hasOwnProperty.call(RPC_SCHEMAS, subject);
}
