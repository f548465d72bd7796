import { z } from 'zod';
import {
  LineBindingApplicationInputSchema,
  LineBindingApplicationSchema,
} from './application.schema';
import { IdSchema, NameSchema, SystemFieldsShape, VersionSchema } from './common.schema';
import { SessionNameTemplateSchema } from './session-name-template';

/** How queued sessions reach operators [ours]: by hand (operators take them) or by the router. */
export const LINE_DISTRIBUTIONS = ['manual', 'auto'] as const;
export const LineDistributionSchema = z.enum(LINE_DISTRIBUTIONS);
export type LineDistribution = z.infer<typeof LineDistributionSchema>;

/** A line (live chat) [doc + ours], as services return it. */
export const LineDataSchema = z.object({
  ...SystemFieldsShape,
  /** Groups whose members answer. */
  _operatorGroups: z.array(IdSchema),
  /** Groups whose members oversee: see every session, assign, close. */
  _supervisorGroups: z.array(IdSchema),
  _bot: IdSchema.optional(),
  /** The app holding customers' accounts (e.g. Contacts). */
  _accountApp: LineBindingApplicationSchema.optional(),
  /** Apps where requests are registered (e.g. Appeals). */
  _requestApps: z.array(LineBindingApplicationSchema),
  _sessionNameTemplate: z.string(),
  _distribution: LineDistributionSchema,
  /** Open sessions one operator carries at most (auto distribution). */
  _operatorCapacity: z.number().int(),
  /** New sessions go to the line's bot first. */
  _botFirst: z.boolean(),
  /** An operator going offline sends their open sessions back to the queue. */
  _requeueOnOffline: z.boolean(),
  /** Service-level target for first responses, in seconds. */
  _targetReplySeconds: z.number().int(),
  _version: VersionSchema.optional(),
});
export type LineData = z.infer<typeof LineDataSchema>;

/** Every field a caller may write, without defaults (shared by create and update). */
export const LineWritableShape = {
  __name: NameSchema,
  _operatorGroups: z.array(IdSchema).max(100),
  _supervisorGroups: z.array(IdSchema).max(100),
  _bot: IdSchema,
  _accountApp: LineBindingApplicationInputSchema,
  _requestApps: z.array(LineBindingApplicationInputSchema).max(50),
  _sessionNameTemplate: SessionNameTemplateSchema,
  _distribution: LineDistributionSchema,
  _operatorCapacity: z.number().int().min(1).max(1000),
  _botFirst: z.boolean(),
  _requeueOnOffline: z.boolean(),
  _targetReplySeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600),
};
