import { MessageCreatedPayload } from '@openlines/contracts';
import { MappedSessionFact } from './session-event.mapper';

/**
 * Client messages and human operators' messages; bot and system messages (and system-type
 * messages an operator posts) stop no clock and count nowhere, so they map to nothing.
 */
export function fromMessageCreated(p: MessageCreatedPayload): MappedSessionFact | null {
  const at = Date.parse(p.message.__createdAt);
  const placement = { lineId: p.lineId, channelId: p.channelId };
  if (p.message.type === 'system') return null;
  if (p.sender.type === 'client') {
    return {
      sessionId: p.sessionId,
      fact: { kind: 'message', eventId: p.eventId, at, sender: 'client' },
      placement,
    };
  }
  if (p.sender.type !== 'operator') return null;
  const operatorId = p.message.operator ?? p.sender.id;
  if (operatorId === undefined) return null;
  return {
    sessionId: p.sessionId,
    fact: { kind: 'message', eventId: p.eventId, at, sender: 'operator', operatorId },
    placement,
  };
}
