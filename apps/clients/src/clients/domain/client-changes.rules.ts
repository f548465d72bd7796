import { ClientFieldChange, LineClientData, fieldChanges } from '@openlines/contracts';

/** The field changes of a client.changed event; `before` undefined for a new client. */
export function clientChanges(
  before: LineClientData | undefined,
  after: LineClientData,
): ClientFieldChange[] {
  return fieldChanges<LineClientData, ClientFieldChange['field']>(before, after);
}
