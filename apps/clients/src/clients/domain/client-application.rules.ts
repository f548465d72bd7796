import { LineApplicationRef, LineBindingApplication, OpenLinesError } from '@openlines/contracts';

/**
 * A client may be linked only to an item of the app its line binds for accounts [doc]: the line's
 * `_accountApp` must name the item's namespace and code. A line without an account app accepts
 * no link at all. Anything else is FORBIDDEN, naming what the line does bind.
 */
export function assertApplicationItemAllowed(
  lineId: string,
  accountApp: LineBindingApplication | undefined,
  item: LineApplicationRef,
): void {
  if (accountApp && accountApp.namespace === item.namespace && accountApp.code === item.code)
    return;
  const bound = accountApp ? `${accountApp.namespace}.${accountApp.code}` : 'no app';
  throw OpenLinesError.forbidden(
    `line ${lineId} binds ${bound} for accounts; an item of ${item.namespace}.${item.code} cannot be linked`,
    {
      lineId,
      accountApp: accountApp ?? null,
      item: { namespace: item.namespace, code: item.code },
    },
  );
}
