/** States of a channel [doc: active; ours: disconnected, error]. String values equal the names. */
export enum LineChannelState {
  active = 'active',
  disconnected = 'disconnected',
  error = 'error',
}

/** Messenger kinds a channel connects [doc + ours: telegram, whatsapp, vk]. */
export enum LineChannelType {
  internal = 'internal',
  support = 'support',
  telegram = 'telegram',
  telegramBot = 'telegramBot',
  viberbot = 'viberbot',
  whatsapp = 'whatsapp',
  instagram = 'instagram',
  vk = 'vk',
  /** E-mail. */
  inbox = 'inbox',
  /** The web widget. */
  livechat = 'livechat',
}

/** Only these types may go from `disconnected` back to `active` via `reconnect()` [doc]. */
export const RECONNECTABLE_CHANNEL_TYPES: readonly LineChannelType[] = Object.freeze([
  LineChannelType.telegramBot,
  LineChannelType.inbox,
  LineChannelType.viberbot,
  LineChannelType.livechat,
  LineChannelType.instagram,
]);

/** Sessions of these channel types can never be marked as spam [doc]. */
export const SPAM_FORBIDDEN_CHANNEL_TYPES: readonly LineChannelType[] = Object.freeze([
  LineChannelType.internal,
  LineChannelType.support,
]);

/** Clients of these channel types are employees, who cannot be blocked [doc]. */
export const BLOCK_FORBIDDEN_CHANNEL_TYPES: readonly LineChannelType[] = Object.freeze([
  LineChannelType.internal,
]);

export function isReconnectableChannelType(type: LineChannelType): boolean {
  return RECONNECTABLE_CHANNEL_TYPES.includes(type);
}

export function canMarkSessionsAsSpam(type: LineChannelType): boolean {
  return !SPAM_FORBIDDEN_CHANNEL_TYPES.includes(type);
}

export function canBlockClientsOf(type: LineChannelType): boolean {
  return !BLOCK_FORBIDDEN_CHANNEL_TYPES.includes(type);
}
