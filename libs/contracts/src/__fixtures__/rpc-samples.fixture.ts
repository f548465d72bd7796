import { LineMetricType, LineSessionPriority, OperatorStatusType } from '../enums';
import { LinesRpc, RpcSubject } from '../rpc';
import {
  CORE_RPC_SAMPLES,
  RpcSamples,
  SAMPLE_COUNT,
  SAMPLE_SEARCH,
} from './core-rpc-samples.fixture';
import {
  AT,
  sampleMessage,
  sampleMetric,
  sampleOperator,
  sampleSession,
} from './data-samples.fixture';

const L = LinesRpc;
const op = { type: 'operator', id: 'user-1' } as const;
const sent = { message: sampleMessage, session: sampleSession };

/** One valid request and reply for EVERY RPC subject (test-only). */
export const RPC_SAMPLES: RpcSamples<RpcSubject> = {
  ...CORE_RPC_SAMPLES,
  [L.sessions.create]: {
    request: { channelId: 'channel-1', account: 'ann', actor: op },
    reply: sampleSession,
  },
  [L.sessions.get]: { request: { id: 'session-1' }, reply: sampleSession },
  [L.sessions.search]: { request: SAMPLE_SEARCH, reply: { items: [sampleSession] } },
  [L.sessions.count]: { request: {}, ...SAMPLE_COUNT },
  [L.sessions.update]: {
    request: { sessionId: 'session-1', data: { __name: 'VIP' } },
    reply: sampleSession,
  },
  [L.sessions.assignToOperator]: {
    request: { sessionId: 'session-1', operatorId: 'user-1' },
    reply: sampleSession,
  },
  [L.sessions.assignToOperatorGroup]: {
    request: { sessionId: 'session-1', groupId: 'group-1', actor: op },
    reply: sampleSession,
  },
  [L.sessions.assignToBot]: {
    request: { sessionId: 'session-1', silent: true },
    reply: sampleSession,
  },
  [L.sessions.close]: { request: { sessionId: 'session-1', actor: op }, reply: sampleSession },
  [L.sessions.markAsSpam]: { request: { sessionId: 'session-1', actor: op }, reply: sampleSession },
  [L.sessions.unmarkAsSpam]: {
    request: { sessionId: 'session-1', actor: op },
    reply: sampleSession,
  },
  [L.sessions.setPriority]: {
    request: { sessionId: 'session-1', priority: LineSessionPriority.High },
    reply: sampleSession,
  },
  [L.sessions.sendMessage]: {
    request: { sessionId: 'session-1', text: 'Hi', actor: op },
    reply: sent,
  },
  [L.sessions.sendSystemMessage]: {
    request: { sessionId: 'session-1', text: 'Priority changed' },
    reply: sent,
  },
  [L.sessions.getAllMessages]: {
    request: { sessionId: 'session-1' },
    reply: { items: [sampleMessage] },
  },
  [L.sessions.getLastMessage]: { request: { sessionId: 'session-1' }, reply: { message: null } },
  [L.sessions.getAssignmentReasons]: {
    request: { sessionId: 'session-1' },
    reply: {
      items: [
        {
          version: 1,
          from: {},
          to: { userGroupId: 'group-1' },
          reason: 'created',
          actor: { type: 'system' },
          occurredAt: AT,
        },
      ],
    },
  },
  [L.messages.search]: { request: SAMPLE_SEARCH, reply: { items: [sampleMessage] } },
  [L.messages.count]: { request: {}, ...SAMPLE_COUNT },
  [L.operators.upsert]: {
    request: { operatorId: 'user-1', groups: ['group-1'] },
    reply: sampleOperator,
  },
  [L.operators.setStatus]: {
    request: { operatorId: 'user-1', status: OperatorStatusType.away },
    reply: sampleOperator,
  },
  [L.operators.get]: { request: { id: 'user-1' }, reply: sampleOperator },
  [L.operators.search]: { request: {}, reply: { items: [sampleOperator] } },
  [L.metrics.search]: { request: SAMPLE_SEARCH, reply: { items: [sampleMetric] } },
  [L.metrics.count]: { request: {}, ...SAMPLE_COUNT },
  [L.metrics.report]: {
    request: {
      lineId: 'line-1',
      types: [LineMetricType.firstResponseTime],
      period: 'day',
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-08T00:00:00Z',
    },
    reply: {
      period: 'day',
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-08T00:00:00Z',
      totals: [
        {
          type: LineMetricType.firstResponseTime,
          count: 2,
          sum: 30,
          min: 10,
          max: 20,
          avg: 15,
          p50: 11.3,
          p90: 20,
          p99: 20,
          serviceLevel: 1,
        },
      ],
      series: [],
    },
  },
  [L.metrics.rebuild]: {
    request: {},
    reply: {
      rebuildId: 'rebuild-1',
      state: 'running',
      eventsRead: 0,
      eventsApplied: 0,
      startedAt: AT,
    },
  },
  [L.metrics.rebuildStatus]: {
    request: { rebuildId: 'rebuild-1' },
    reply: {
      rebuildId: 'rebuild-1',
      state: 'done',
      eventsRead: 12,
      eventsApplied: 10,
      metricItems: 4,
      startedAt: AT,
      finishedAt: AT,
    },
  },
};
