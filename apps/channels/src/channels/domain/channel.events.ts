import { OutboxEntry, outboxEntry } from '@openlines/messaging';
import { ChannelChangedPayload, LineChannelState, LinesEvents } from '@openlines/contracts';
import { ChannelRecord } from './channel.rules';

/**
 * The channel.changed event of one write; its id is derived from the channel's version after the
 * write, so a re-publication of the same change carries the same id. A new channel is reported as
 * connected (previousState `disconnected`).
 */
export function channelChangedEntry(
  previousState: LineChannelState,
  after: ChannelRecord,
  version: number,
  now: Date,
  reason?: string,
): OutboxEntry {
  const payload: ChannelChangedPayload = {
    eventId: `channel.changed:${after.__id}:${version}`,
    occurredAt: now.toISOString(),
    channelId: after.__id,
    lineId: after._line,
    state: after._state,
    previousState,
    ...(reason === undefined ? {} : { reason }),
  };
  return outboxEntry(LinesEvents.channel.changed, payload, now);
}
