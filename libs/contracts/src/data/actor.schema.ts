import { z } from 'zod';
import { IdSchema } from './common.schema';

/** Who makes a change: carried by every mutating session request and every session event. */
export const ACTOR_TYPES = ['operator', 'bot', 'client', 'system'] as const;
export const ActorTypeSchema = z.enum(ACTOR_TYPES);
export type ActorType = z.infer<typeof ActorTypeSchema>;

/**
 * `id` is the operator's user id, the bot id or the client id; an operator or client actor must
 * name itself (permission checks depend on it), a bot or the system may stay anonymous.
 */
export const ActorSchema = z
  .object({ type: ActorTypeSchema, id: IdSchema.optional() })
  .strict()
  .superRefine((actor, ctx) => {
    if ((actor.type === 'operator' || actor.type === 'client') && actor.id === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['id'],
        message: `Required for a ${actor.type} actor`,
      });
    }
  });
export type Actor = z.infer<typeof ActorSchema>;

/** The actor of requests that name none. */
export const SYSTEM_ACTOR: Readonly<Actor> = Object.freeze({ type: 'system' });

/** `actor?` of a mutating request: absent means the system. */
export const OptionalActorSchema = ActorSchema.default({ type: 'system' });
