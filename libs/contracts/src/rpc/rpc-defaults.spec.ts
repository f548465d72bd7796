import { validate } from '../errors';
import { LINE_DEFAULTS, LinesRpc, RPC_SCHEMAS } from './index';

const L = LinesRpc;

describe('RPC request defaults', () => {
  it('a new line gets the spec defaults', () => {
    const line = validate(RPC_SCHEMAS[L.lines.create].request, { __name: ' Support ' }, 'line');
    expect(line).toEqual({ __name: 'Support', ...LINE_DEFAULTS });
    expect(LINE_DEFAULTS).toMatchObject({
      _operatorGroups: [],
      _supervisorGroups: [],
      _requestApps: [],
      _distribution: 'manual',
      _operatorCapacity: 5,
      _botFirst: false,
      _requeueOnOffline: false,
      _targetReplySeconds: 60,
    });
  });

  it('getAllMessages pages from 0 by 10', () => {
    const parsed = validate(
      RPC_SCHEMAS[L.sessions.getAllMessages].request,
      { sessionId: 's' },
      'page',
    );
    expect(parsed).toEqual({ sessionId: 's', from: 0, size: 10 });
  });

  it('session commands default the actor to the system, assignToBot to not silent', () => {
    const parsed = validate(RPC_SCHEMAS[L.sessions.assignToBot].request, { sessionId: 's' }, 'bot');
    expect(parsed).toEqual({ sessionId: 's', actor: { type: 'system' }, silent: false });
  });

  it('channels without settings may leave them out', () => {
    const parsed = validate(
      RPC_SCHEMAS[L.channels.create].request,
      { __name: 'Staff', _line: 'l', _type: 'internal' },
      'c',
    );
    expect(parsed).toEqual({ __name: 'Staff', _line: 'l', _type: 'internal', _settings: {} });
  });

  it('search requests use the shared search schema defaults', () => {
    const parsed = validate(RPC_SCHEMAS[L.sessions.search].request, {}, 'search');
    expect(parsed).toEqual({ from: 0, size: 10 });
  });
});
