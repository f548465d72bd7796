import { omit } from '../__fixtures__/omit.fixture';
import { RPC_SAMPLES } from '../__fixtures__/rpc-samples.fixture';
import { ErrorCode, OpenLinesError, ValidationIssue, validate } from '../errors';
import { LinesRpc, RPC_SCHEMAS, RPC_SUBJECTS, RpcSubject } from './index';

const L = LinesRpc;

/** Validates like a handler does; returns the error, failing the test if the payload passes. */
function rejection(subject: RpcSubject, payload: unknown): OpenLinesError {
  try {
    validate(RPC_SCHEMAS[subject].request, payload, `${subject} request`);
  } catch (error) {
    if (error instanceof OpenLinesError) return error;
    throw error;
  }
  throw new Error(`${subject} accepted ${JSON.stringify(payload)}`);
}

function expectNamed(error: OpenLinesError, field: string): void {
  expect(error.code).toBe(ErrorCode.ValidationFailed);
  expect(error.message).toContain(field);
  const issues = (error.details?.issues ?? []) as ValidationIssue[];
  expect(issues.some((issue) => issue.field.includes(field) || issue.message.includes(field))).toBe(
    true,
  );
}

const sampleRequest = (subject: RpcSubject) =>
  RPC_SAMPLES[subject].request as Record<string, unknown>;
const without = (subject: RpcSubject, key: string) => omit(sampleRequest(subject), key);

describe('RPC request validation', () => {
  it.each(RPC_SUBJECTS)('%s refuses an unknown key, naming it', (subject) => {
    expectNamed(rejection(subject, { ...sampleRequest(subject), bogusField: 1 }), 'bogusField');
  });

  it.each<[RpcSubject, string]>([
    [L.lines.create, '__name'],
    [L.lines.update, 'id'],
    [L.channels.create, '_line'],
    [L.channels.markError, 'reason'],
    [L.clients.findOrCreate, 'account'],
    [L.clients.findOrCreate, 'channelId'],
    [L.sessions.create, 'actor'],
    [L.sessions.assignToOperator, 'operatorId'],
    [L.sessions.assignToOperatorGroup, 'groupId'],
    [L.sessions.setPriority, 'priority'],
    [L.sessions.close, 'sessionId'],
    [L.operators.upsert, 'groups'],
    [L.operators.setStatus, 'status'],
    [L.metrics.report, 'period'],
  ])('%s refuses a request without %s, naming it', (subject, field) => {
    expectNamed(rejection(subject, without(subject, field)), field);
  });

  it.each<[RpcSubject, Record<string, unknown>, string]>([
    [L.lines.create, { __name: 'L', _operatorCapacity: 'five' }, '_operatorCapacity'],
    [L.lines.create, { __name: '   ' }, '__name'],
    [L.lines.update, { id: 'line-1', data: { _distribution: 'random' } }, 'data._distribution'],
    [L.clients.block, { id: 'c', until: 'tomorrow' }, 'until'],
    [L.sessions.getAllMessages, { sessionId: 's', size: 10_001 }, 'size'],
    [L.sessions.getAllMessages, { sessionId: 's', from: -1 }, 'from'],
    [L.sessions.assignToBot, { sessionId: 's', silent: 'yes' }, 'silent'],
    [L.sessions.setPriority, { sessionId: 's', priority: 'Urgent' }, 'priority'],
    [L.sessions.close, { sessionId: '', actor: { type: 'system' } }, 'sessionId'],
    [L.sessions.close, { sessionId: 'x'.repeat(129) }, 'sessionId'],
    [L.sessions.close, { sessionId: 's', actor: { type: 'operator' } }, 'actor.id'],
    [L.operators.setStatus, { operatorId: 'u', status: 'busy' }, 'status'],
    [
      L.metrics.report,
      { period: 'week', from: '2025-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z' },
      'period',
    ],
    [L.channels.create, { __name: 'C', _line: 'l', _type: 'fax', _settings: {} }, '_type'],
  ])('%s refuses a wrong value (%j), naming %s', (subject, payload, field) => {
    expectNamed(rejection(subject, payload), field);
  });

  it('names unknown keys inside nested objects with their path', () => {
    const error = rejection(L.clients.save, {
      id: 'c',
      data: { _extraData: { phone: '1', fax: '2' } },
    });
    expectNamed(error, 'fax');
    expect(error.message).toContain('data._extraData');
  });

  it('refuses the secret-free shape where channel settings are required', () => {
    const payload = {
      __name: 'Bot',
      _line: 'l',
      _type: 'telegramBot',
      _settings: { botUsername: 'b' },
    };
    expectNamed(rejection(L.channels.create, payload), '_settings.botToken');
  });

  it('refuses updates that change nothing', () => {
    expectNamed(rejection(L.lines.update, { id: 'line-1', data: {} }), 'data');
    expectNamed(rejection(L.sessions.update, { sessionId: 's', data: {} }), 'data');
  });

  it('refuses a message with neither text nor files, and a blank system message', () => {
    expectNamed(rejection(L.sessions.sendMessage, { sessionId: 's', text: '  ' }), 'text');
    expectNamed(rejection(L.sessions.sendSystemMessage, { sessionId: 's', text: ' ' }), 'text');
  });

  it('refuses a bot-first line without a bot', () => {
    expectNamed(rejection(L.lines.create, { __name: 'L', _botFirst: true }), '_bot');
  });

  it('refuses report ranges that are empty or too long', () => {
    const report = { period: 'hour', from: '2025-01-02T00:00:00Z' };
    expectNamed(rejection(L.metrics.report, { ...report, to: '2025-01-01T00:00:00Z' }), 'to');
    expectNamed(rejection(L.metrics.report, { ...report, to: '2025-03-01T00:00:00Z' }), 'to');
  });
});
