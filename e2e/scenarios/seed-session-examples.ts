/* eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see seed-examples.ts */
// @ts-nocheck -- the session examples of the overview page, as written (see seed-examples.ts).
import { LineClientItem, LineMessageItem, LineSessionItem, LineSessionState } from '@openlines/sdk';
import { ExampleContext, Sys } from './seed-examples';

export async function findOpenSessionOfClient(
  System: Sys,
): Promise<{ client: LineClientItem; session: LineSessionItem }> {
  const client = await System.lines.clients
    .search()
    .where((f, g) => g.and(f.__deletedAt.eq(null), f._username.eq('telegram_username')))
    .first();
  const session = await System.lines.sessions
    .search()
    .where((f, c) =>
      c.and(
        f.__deletedAt.eq(null),
        f._clients.all([client]),
        f._state.neq(LineSessionState.Closed),
      ),
    )
    .first();
  return { client, session };
}

export async function createSession(
  System: Sys,
  Context: ExampleContext,
): Promise<LineSessionItem> {
  const contact = await Context.data.contact.fetch();
  const account = contact.data._account[0].login;
  const newSession = await System.lines.sessions.create(Context.data.channel, account);
  return newSession;
}

export async function assignToUser(System: Sys, Context: ExampleContext): Promise<LineSessionItem> {
  const session = await System.lines.sessions
    .search()
    .where((f, c) => c.and(f.__deletedAt.eq(null), f.__id.eq(Context.data.sessionId!)))
    .first();
  await session.assignToOperator(Context.data.user);
  return session;
}

export async function getLastMessage(
  System: Sys,
  Context: ExampleContext,
): Promise<LineMessageItem | undefined> {
  const session = await System.lines.sessions
    .search()
    .where((f, c) => c.and(f.__deletedAt.eq(null), f.__id.eq(Context.data.sessionId!)))
    .first();
  const lastMessage = await session.getLastMessage();
  return lastMessage;
}

export async function sendSystemMessage(
  System: Sys,
  Context: ExampleContext,
): Promise<LineMessageItem> {
  const session = await System.lines.sessions
    .search()
    .where((f, c) => c.and(f.__deletedAt.eq(null), f.__id.eq(Context.data.sessionId!)))
    .first();
  const message = session.sendSystemMessage('Priority changed to High');
  return message;
}

export async function markAsSpam(System: Sys, Context: ExampleContext): Promise<LineSessionItem> {
  const session = await System.lines.sessions
    .search()
    .where((f, c) => c.and(f.__deletedAt.eq(null), f.__id.eq(Context.data.sessionId!)))
    .first();
  await session.markAsSpam();
  return session;
}

export async function unmarkAsSpam(System: Sys, Context: ExampleContext): Promise<LineSessionItem> {
  const session = await System.lines.sessions
    .search()
    .where((f, c) => c.and(f.__deletedAt.eq(null), f.__id.eq(Context.data.sessionId!)))
    .first();
  await session.unmarkAsSpam();
  return session;
}
