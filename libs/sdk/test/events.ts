import { randomUUID } from 'node:crypto';
import {
  LineSessionState,
  MessageCreatedPayload,
  SessionChangedPayload,
  SessionReassignedPayload,
} from '@openlines/contracts';
import { message } from './samples';

const now = () => new Date().toISOString();

export function sessionChanged(lineId: string, sessionId: string): SessionChangedPayload {
  return {
    eventId: randomUUID(),
    occurredAt: now(),
    sessionId,
    lineId,
    channelId: 'ch-1',
    version: 2,
    changes: [
      {
        field: '_state',
        oldValue: LineSessionState.Waiting,
        newValue: LineSessionState.AssignedToOperator,
      },
    ],
    actor: { type: 'system' },
  };
}

export function sessionReassigned(lineId: string, sessionId: string): SessionReassignedPayload {
  return {
    eventId: randomUUID(),
    occurredAt: now(),
    sessionId,
    lineId,
    version: 3,
    from: {},
    to: { userId: 'op-1' },
    reason: 'routing',
    actor: { type: 'system' },
  };
}

export function messageCreated(lineId: string, sessionId: string): MessageCreatedPayload {
  return {
    eventId: randomUUID(),
    occurredAt: now(),
    sessionId,
    lineId,
    channelId: 'ch-1',
    sender: { type: 'client', id: 'cl-1' },
    message: message(randomUUID(), { session: sessionId }),
  };
}
