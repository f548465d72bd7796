/* eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see the note below */
// @ts-nocheck -- ELMA365 compiles scripts without null checks, and these examples must stay as
// written (`const channel = await …first(); await channel.disconnect();`). The return types
// below are what each example yields when it works; the spec asserts them at run time.
/*
 * The examples of /work/shared/spec/seed-live-chats-overview.txt, verbatim: only `System` (an
 * object whose `lines` is the SDK client) and `Context` (the script's context, built by the
 * caller) come from outside. Each returns what the example produced, for the spec to check.
 * The session examples are in seed-session-examples.ts.
 */
import {
  LineChannelItem,
  LineChannelState,
  LineChannelType,
  LineClientItem,
  LineItem,
  LinesClient,
} from '@openlines/sdk';

export interface Sys {
  lines: LinesClient;
}

/** The script context the examples read (`Context.data.…`). */
export interface ExampleContext {
  data: {
    contact?: {
      namespace: string;
      code: string;
      id: string;
      fetch(): Promise<{ data: { _account: { login: string }[] } }>;
    };
    channel?: unknown;
    user?: { id: string };
    sessionId?: string;
  };
}

export async function getLiveChatByName(System: Sys): Promise<LineItem> {
  const line = await System.lines.lines
    .search()
    .where((f, g) => g.and(f.__deletedAt.eq(null), f.__name.eq('Some live chat')))
    .first();
  return line;
}

export async function getInactiveChannels(System: Sys): Promise<LineChannelItem[]> {
  const inactiveChannels = await System.lines.channels
    .search()
    .where((f, g) => g.and(f.__deletedAt.eq(null), f._state.neq(LineChannelState.active)))
    .all();
  return inactiveChannels;
}

export async function disconnectChannel(System: Sys): Promise<LineChannelItem> {
  const channel = await System.lines.channels
    .search()
    .where((f, g) => g.and(f.__deletedAt.eq(null), f._state.eq(LineChannelState.active)))
    .first();
  await channel.disconnect();
  return channel;
}

export async function reconnectChannels(System: Sys): Promise<LineChannelItem[]> {
  // Search for disconnected channels of the types that can be activated
  const channels = await System.lines.channels
    .search()
    .where((f, g) =>
      g.and(
        f.__deletedAt.eq(null),
        f._state.neq(LineChannelState.active),
        f._type.in([
          LineChannelType.inbox,
          LineChannelType.telegramBot,
          LineChannelType.viberbot,
          LineChannelType.livechat,
          LineChannelType.instagram,
        ]),
      ),
    )
    .size(100)
    .all();
  for (const channel of channels) {
    await channel.reconnect();
  }
  return channels;
}

export async function findTelegramClient(
  System: Sys,
): Promise<{ channel: LineChannelItem; client: LineClientItem }> {
  // Search for a `telegram` type channel
  const channel = await System.lines.channels
    .search()
    .where((f, g) => g.and(f.__deletedAt.eq(null), f._type.eq(LineChannelType.telegram)))
    .first(); // Search for a client linked with the channel
  const client = await System.lines.clients
    .search()
    .where((f, g) =>
      g.and(f.__deletedAt.eq(null), f._channel.eq(channel), f._username.eq('telegram_username')),
    )
    .first();
  return { channel, client };
}

export async function linkClientToContact(
  System: Sys,
  Context: ExampleContext,
): Promise<LineClientItem> {
  const contact = Context.data.contact!;
  const client = await System.lines.clients
    .search()
    .where((f, g) => g.and(f.__deletedAt.eq(null), f._username.eq('telegram_username')))
    .first();
  client.data._applicationItem = contact;
  await client.save();
  return client;
}
