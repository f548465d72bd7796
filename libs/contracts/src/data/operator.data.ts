import { z } from 'zod';
import { OperatorStatusType } from '../enums';
import { IdSchema, IsoDateSchema } from './common.schema';

/**
 * The sessions service's operator directory [ours]: who may answer (by group) and who is
 * online. `__id` is the operator's user id.
 */
export const OperatorDataSchema = z.object({
  __id: IdSchema,
  __name: z.string(),
  _groups: z.array(IdSchema),
  _status: z.nativeEnum(OperatorStatusType),
  _statusChangedAt: IsoDateSchema,
});
export type OperatorData = z.infer<typeof OperatorDataSchema>;
