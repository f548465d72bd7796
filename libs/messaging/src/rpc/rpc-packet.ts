import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * The packets of @nestjs/microservices' NATS transport (v11: ClientNats / ServerNats with the
 * JSON codec): a request is `{ pattern, data, id }`; a reply is `{ id, response?, err?,
 * isDisposed? }`. A request without `id` would be treated as an event and never answered.
 */
export interface NestRequestPacket {
  pattern: string;
  data: unknown;
  id: string;
}

export const NestReplyPacketSchema = z.object({
  id: z.string().optional(),
  response: z.unknown().optional(),
  err: z.unknown().optional(),
  isDisposed: z.boolean().optional(),
});
export type NestReplyPacket = z.infer<typeof NestReplyPacketSchema>;

export function requestPacket(pattern: string, data: unknown): NestRequestPacket {
  return { pattern, data, id: randomUUID() };
}
