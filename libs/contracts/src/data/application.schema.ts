import { z } from 'zod';
import { IdSchema } from './common.schema';

/** App codes and namespaces (e.g. `crm` / `contacts`). */
const AppCodeSchema = z.string().min(1).max(128);

/** An app bound to a line [ours]: where accounts live, or where requests are registered. */
const LineBindingApplicationShape = { namespace: AppCodeSchema, code: AppCodeSchema };
export const LineBindingApplicationSchema = z.object(LineBindingApplicationShape);
/** As a caller sends it (unknown keys refused). */
export const LineBindingApplicationInputSchema = z.object(LineBindingApplicationShape).strict();
export type LineBindingApplication = z.infer<typeof LineBindingApplicationSchema>;

/** A link to one app item [ours]. */
const LineApplicationRefShape = { ...LineBindingApplicationShape, id: IdSchema };
export const LineApplicationRefSchema = z.object(LineApplicationRefShape);
export const LineApplicationRefInputSchema = z.object(LineApplicationRefShape).strict();
export type LineApplicationRef = z.infer<typeof LineApplicationRefSchema>;
