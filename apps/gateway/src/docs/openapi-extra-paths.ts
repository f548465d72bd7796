import { PUBLIC_EVENT_TYPES } from '../events/public-events';
import { JsonSchema } from './zod-json-schema';

export function eventsPath(
  errors: Record<number, JsonSchema>,
): Record<string, Record<string, JsonSchema>> {
  const query = (name: string, description: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
  });
  return {
    '/v1/events': {
      get: {
        operationId: 'events.stream',
        tags: ['events'],
        summary: 'Live session and message events as Server-Sent Events',
        description:
          'Each event is `event: <type>`, `id: <eventId>`, `data: <JSON payload>` (SessionChangedPayload, ' +
          'SessionReassignedPayload, …). A live feed: events published while disconnected are not replayed. ' +
          'Comment lines keep the connection alive. A client that stops reading and falls behind by more than ' +
          'GATEWAY_SSE_CLIENT_BUFFER_BYTES gets a last `event: dropped` and the stream ends: reconnect to resume.',
        parameters: [
          query('lineId', 'Only events of this line'),
          query('sessionId', 'Only events of this session'),
          query(
            'types',
            `Comma-separated event types (default all): ${PUBLIC_EVENT_TYPES.join(', ')}`,
          ),
        ],
        responses: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          400: errors[400],
          401: errors[401],
        },
      },
    },
  };
}

export function healthPaths(): Record<string, Record<string, JsonSchema>> {
  const probe = (summary: string) => ({
    get: {
      tags: ['health'],
      summary,
      security: [],
      responses: { 200: { description: 'Healthy' }, 503: { description: 'Not healthy' } },
    },
  });
  return { '/healthz': probe('Liveness'), '/readyz': probe('Readiness (NATS connected)') };
}
