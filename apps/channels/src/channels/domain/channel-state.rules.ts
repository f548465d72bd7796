import {
  LineChannelState,
  LineChannelType,
  OpenLinesError,
  isReconnectableChannelType,
} from '@openlines/contracts';

/** What the state machine needs to know of a channel. */
export interface ChannelStateView {
  __id: string;
  _type: LineChannelType;
  _state: LineChannelState;
  _error?: string;
  __deletedAt?: string;
}

/** The fields a transition writes; `null` when the channel is already where it was asked to go. */
export interface ChannelStatePatch {
  _state: LineChannelState;
  /** The reason of the error state; `undefined` clears it. */
  _error: string | undefined;
}

export type ChannelAction = 'disconnect' | 'reconnect' | 'markError';

/**
 * The channel state machine, in one place:
 *   active ──disconnect──▶ disconnected ──reconnect──▶ active
 *   active ──markError───▶ error ──reconnect──▶ active;  error ──disconnect──▶ disconnected
 * reconnect() exists only for the reconnectable types [doc]; asking it of any other type is
 * INVALID_TRANSITION whatever the state. A repeated request (disconnect of a disconnected
 * channel, reconnect of an active one) changes nothing and is not an error: RPC callers retry
 * after timeouts. A deleted channel accepts no transition, and a disconnected channel cannot fall
 * into error (it delivers nothing, and its owner chose to stop it).
 */
export function disconnectPatch(channel: ChannelStateView): ChannelStatePatch | null {
  refuseDeleted(channel, 'disconnect');
  if (channel._state === LineChannelState.disconnected) return null;
  return { _state: LineChannelState.disconnected, _error: undefined };
}

export function reconnectPatch(channel: ChannelStateView): ChannelStatePatch | null {
  if (!isReconnectableChannelType(channel._type)) {
    throw refused(channel, 'reconnect', `a ${channel._type} channel cannot be reconnected`);
  }
  refuseDeleted(channel, 'reconnect');
  if (channel._state === LineChannelState.active) return null;
  return { _state: LineChannelState.active, _error: undefined };
}

export function markErrorPatch(
  channel: ChannelStateView,
  reason: string,
): ChannelStatePatch | null {
  refuseDeleted(channel, 'markError');
  if (channel._state === LineChannelState.disconnected) {
    throw refused(channel, 'markError', 'a disconnected channel cannot enter the error state');
  }
  if (channel._state === LineChannelState.error && channel._error === reason) return null;
  return { _state: LineChannelState.error, _error: reason };
}

/** Whether the channel takes messages in and out (webhooks, delivery). */
export function isLive(channel: ChannelStateView): boolean {
  return channel.__deletedAt === undefined && channel._state !== LineChannelState.disconnected;
}

function refuseDeleted(channel: ChannelStateView, action: ChannelAction): void {
  if (channel.__deletedAt !== undefined) throw refused(channel, action, 'the channel is deleted');
}

function refused(channel: ChannelStateView, action: ChannelAction, why: string): OpenLinesError {
  return OpenLinesError.invalidTransition(`cannot ${action} channel ${channel.__id}: ${why}`, {
    channelId: channel.__id,
    action,
    type: channel._type,
    state: channel._state,
  });
}
