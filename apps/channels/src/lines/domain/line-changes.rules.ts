import { LineData, LineFieldChange, fieldChanges } from '@openlines/contracts';

/** The field changes of a line.changed event; `before` undefined for a new line. */
export function lineChanges(before: LineData | undefined, after: LineData): LineFieldChange[] {
  return fieldChanges<LineData, LineFieldChange['field']>(before, after);
}
