/**
 * @openlines/sdk: the client of OpenLines, shaped like ELMA365's `System.lines`.
 *
 *   const lines = createLinesClient({ baseUrl: 'https://…', apiKey, actor: { type: 'operator', id } });
 *   const session = await lines.sessions.search().where((f, g) => g.and(f.__deletedAt.eq(null),
 *     f._state.neq(LineSessionState.Closed))).first();
 *   await session?.assignToOperator(user);
 */
export * from './client/create-lines-client';
export * from './client/lines-client';
export * from './collections/lines.collection';
export * from './collections/metrics.collection';
export * from './collections/sessions.collection';
export * from './errors/lines.error';
export * from './items/channel.item';
export * from './items/client.item';
export * from './items/item-base';
export * from './items/line.item';
export * from './items/message.item';
export * from './items/metric.item';
export * from './items/operator.item';
export * from './items/session.item';
export * from './refs/ref-id';
export type { EventHandler, LinesTransport, Unsubscribe } from './transport/lines-transport';
export * from './transport/public-events';
export type { HttpTransportOptions } from './transport/http.transport';
export type { NatsTransportOptions } from './transport/nats.transport';

// The spec's enums and types, importable from the SDK alone.
export {
  ErrorCode,
  OpenLinesError,
  LineChannelState,
  LineChannelType,
  LineClientBlockedStatus,
  LineMessageType,
  LineMetricType,
  LineSessionPriority,
  LineSessionState,
  OperatorStatusType,
  RECONNECTABLE_CHANNEL_TYPES,
} from '@openlines/contracts';
export type {
  Actor,
  ErrorBody,
  LineApplicationRef,
  LineBindingApplication,
  LineChannelData,
  LineClientData,
  LineClientExtraData,
  LineData,
  LineMessageData,
  LineMetricData,
  LineSessionData,
  LineSessionPriorityEnumBase,
  LineSessionStateEnumBase,
  OperatorData,
  SessionChangedPayload,
  SessionFieldChange,
  SessionReassignedPayload,
  MessageCreatedPayload,
  MetricReportReply,
  MetricReportRequest,
} from '@openlines/contracts';
export { Search } from '@openlines/query';
