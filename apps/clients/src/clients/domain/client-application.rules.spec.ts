import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { assertApplicationItemAllowed } from './client-application.rules';

const contacts = { namespace: 'crm', code: 'contacts' };

function codeOf(action: () => void): ErrorCode | undefined {
  try {
    action();
  } catch (caught) {
    return (caught as OpenLinesError).code;
  }
  return undefined;
}

describe('linking a client to an app item', () => {
  it('accepts an item of the app the line binds for accounts', () => {
    expect(
      codeOf(() => assertApplicationItemAllowed('line-1', contacts, { ...contacts, id: 'item-1' })),
    ).toBeUndefined();
  });

  it.each([
    ['another code', { namespace: 'crm', code: 'companies', id: 'x' }],
    ['another namespace', { namespace: 'hr', code: 'contacts', id: 'x' }],
  ])('forbids an item of %s', (_name, item) => {
    expect(codeOf(() => assertApplicationItemAllowed('line-1', contacts, item))).toBe(
      ErrorCode.Forbidden,
    );
  });

  it('forbids every item when the line binds no account app', () => {
    expect(
      codeOf(() => assertApplicationItemAllowed('line-1', undefined, { ...contacts, id: 'x' })),
    ).toBe(ErrorCode.Forbidden);
  });
});
