import { EventHandler } from './lines-transport';
import { LinesEventFilter, LinesEventType, matchesFilter, parseLinesEvent } from './public-events';

/**
 * Hands one received event to a subscriber: decoded, checked against its contract schema (a
 * malformed event is dropped), filtered, and any failure of the handler passed to `onError`, so
 * one bad event or handler never ends the subscription.
 */
export async function deliverEvent<E extends LinesEventType>(
  type: E,
  decode: () => unknown,
  filter: LinesEventFilter,
  handler: EventHandler<E>,
  onError: (error: unknown) => void,
): Promise<void> {
  try {
    const payload = parseLinesEvent(type, decode());
    if (payload !== undefined && matchesFilter(payload, filter)) await handler(payload);
  } catch (error) {
    onError(error);
  }
}
