import { z } from 'zod';

/**
 * A line's `_sessionNameTemplate` names new sessions [doc]; `{placeholder}`s are replaced by the
 * sessions service with renderSessionName. Unknown placeholders are refused when the line is saved.
 */
export const SESSION_NAME_PLACEHOLDERS = [
  'clientName',
  'account',
  'channelName',
  'channelType',
  'lineName',
  /** Creation day, `YYYY-MM-DD` (UTC). */
  'date',
] as const;
export type SessionNamePlaceholder = (typeof SESSION_NAME_PLACEHOLDERS)[number];
export type SessionNameValues = Record<SessionNamePlaceholder, string>;

export const DEFAULT_SESSION_NAME_TEMPLATE = '{clientName} ({channelName})';

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set<string>(SESSION_NAME_PLACEHOLDERS);

export const SessionNameTemplateSchema = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .superRefine((template, ctx) => {
    for (const [, name] of template.matchAll(PLACEHOLDER)) {
      if (!KNOWN.has(name)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Unknown placeholder {${name}}; allowed: ${SESSION_NAME_PLACEHOLDERS.join(', ')}`,
        });
      }
    }
  });

/** Fills the template; the result is trimmed and never empty (falls back to the client's name). */
export function renderSessionName(template: string, values: SessionNameValues): string {
  const name = template
    .replace(PLACEHOLDER, (whole, key: string) =>
      KNOWN.has(key) ? values[key as SessionNamePlaceholder] : whole,
    )
    .trim();
  return name.length > 0 ? name : values.clientName;
}
