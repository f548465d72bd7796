import { ErrorCode, LineCreateRequestSchema, LineData, OpenLinesError } from '@openlines/contracts';
import { lineChanges } from './line-changes.rules';
import { deletedLine, newLine, updatedLine } from './line.rules';

const t0 = new Date('2024-05-01T10:00:00.000Z');
const t1 = new Date('2024-05-01T11:00:00.000Z');

const created = (input: unknown): LineData =>
  newLine(LineCreateRequestSchema.parse(input), 'line-1', t0);

function codeOf(action: () => unknown): ErrorCode | undefined {
  try {
    action();
  } catch (caught) {
    return (caught as OpenLinesError).code;
  }
  return undefined;
}

describe('line rules', () => {
  it('creates a line with the defaults and the system fields', () => {
    expect(created({ __name: 'Support' })).toEqual({
      __id: 'line-1',
      __name: 'Support',
      __createdAt: '2024-05-01T10:00:00.000Z',
      __createdBy: 'system',
      __updatedAt: '2024-05-01T10:00:00.000Z',
      __updatedBy: 'system',
      _operatorGroups: [],
      _supervisorGroups: [],
      _requestApps: [],
      _sessionNameTemplate: '{clientName} ({channelName})',
      _distribution: 'manual',
      _operatorCapacity: 5,
      _botFirst: false,
      _requeueOnOffline: false,
      _targetReplySeconds: 60,
    });
  });

  it('updates the given fields and removes the ones set to null', () => {
    const line = created({
      __name: 'Sales',
      _bot: 'bot-1',
      _accountApp: { namespace: 'crm', code: 'contacts' },
    });
    const next = updatedLine(
      line,
      { _accountApp: null, _operatorCapacity: 3, _distribution: 'auto' },
      t1,
      'user-1',
    );
    expect(next).toMatchObject({
      _bot: 'bot-1',
      _operatorCapacity: 3,
      _distribution: 'auto',
      __updatedBy: 'user-1',
    });
    expect(next).not.toHaveProperty('_accountApp');
    expect(next.__updatedAt).toBe(t1.toISOString());
  });

  it('refuses to remove the bot of a bot-first line, naming _bot', () => {
    const line = created({ __name: 'Bots', _bot: 'bot-1', _botFirst: true });
    try {
      updatedLine(line, { _bot: null }, t1);
      throw new Error('expected a refusal');
    } catch (caught) {
      expect((caught as OpenLinesError).details).toEqual({
        issues: [{ field: '_bot', message: 'Required when _botFirst is true' }],
      });
    }
  });

  it('soft-deletes once and then refuses updates', () => {
    const line = created({ __name: 'Old' });
    const deleted = deletedLine(line, t1);
    expect(deleted?.__deletedAt).toBe(t1.toISOString());
    expect(deletedLine(deleted as LineData, t1)).toBeNull();
    expect(codeOf(() => updatedLine(deleted as LineData, { __name: 'New' }, t1))).toBe(
      ErrorCode.InvalidTransition,
    );
  });

  it('lists the changed fields with null for absent values', () => {
    const line = created({ __name: 'Support', _bot: 'bot-1' });
    const next = updatedLine(line, { _bot: null, __name: 'Help', _operatorGroups: ['g1'] }, t1);
    expect(lineChanges(line, next)).toEqual([
      { field: '__name', oldValue: 'Support', newValue: 'Help' },
      { field: '_bot', oldValue: 'bot-1', newValue: null },
      { field: '_operatorGroups', oldValue: [], newValue: ['g1'] },
    ]);
  });

  it('lists every field of a new line and nothing for an unchanged one', () => {
    const line = created({ __name: 'Support' });
    expect(lineChanges(undefined, line).map((c) => c.field)).toContain('__name');
    expect(
      lineChanges(line, { ...line, _accountApp: undefined, __updatedAt: t1.toISOString() }),
    ).toEqual([]);
  });

  it('sees the same app written with its keys in another order as unchanged', () => {
    const line = created({ __name: 'S', _accountApp: { namespace: 'crm', code: 'contacts' } });
    const same = { ...line, _accountApp: { code: 'contacts', namespace: 'crm' } };
    expect(lineChanges(line, same)).toEqual([]);
  });
});
