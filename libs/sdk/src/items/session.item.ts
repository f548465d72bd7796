import {
  Actor,
  LineMessageData,
  LineSessionData,
  LineSessionPriority,
  LinesRpc,
  SessionAssignmentRecord,
} from '@openlines/contracts';
import { refId } from '../refs/ref-id';
import { toAppRefs } from './app-ref.normaliser';
import { ItemBase } from './item-base';
import { LineMessageItem } from './message.item';
import { WritableFields } from './writable-diff';

/** A file of an operator's reply. */
export interface LineMessageFileInput {
  name: string;
  url: string;
  mimeType?: string;
  size?: number;
}

/** [doc] The writable fields of a session: its name and the linked request app items. */
const SESSION_WRITABLE: WritableFields = { __name: {}, _apps: { normalise: toAppRefs } };

/**
 * `LineSessionItem` [doc]. Every action replies with the session after the change, which
 * replaces `data`, so `session.data._state` is current after `await session.close()`.
 */
export class LineSessionItem extends ItemBase<LineSessionData> {
  readonly code = 'sessions';

  async fetch(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.sessions.get, { id: this.id }));
  }

  /** `user`: an operator's id or an object with an id (e.g. `Context.data.user`). */
  async assignToOperator(user: unknown): Promise<this> {
    const operatorId = refId(user, 'operator');
    return this.replace(
      await this.ctx.call(LinesRpc.sessions.assignToOperator, { ...this.command(), operatorId }),
    );
  }

  async assignToOperatorGroup(group: unknown): Promise<this> {
    const groupId = refId(group, 'group');
    return this.replace(
      await this.ctx.call(LinesRpc.sessions.assignToOperatorGroup, { ...this.command(), groupId }),
    );
  }

  /** `silent` suppresses the bot's start [doc]. */
  async assignToBot(silent = false): Promise<this> {
    return this.replace(
      await this.ctx.call(LinesRpc.sessions.assignToBot, { ...this.command(), silent }),
    );
  }

  async close(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.sessions.close, this.command()));
  }

  async markAsSpam(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.sessions.markAsSpam, this.command()));
  }

  async unmarkAsSpam(): Promise<this> {
    return this.replace(await this.ctx.call(LinesRpc.sessions.unmarkAsSpam, this.command()));
  }

  async setPriority(priority: LineSessionPriority | `${LineSessionPriority}`): Promise<this> {
    const request = { ...this.command(), priority: priority as LineSessionPriority };
    return this.replace(await this.ctx.call(LinesRpc.sessions.setPriority, request));
  }

  /** Sends the changed writable fields (`__name`, `_apps`); nothing changed, nothing sent. */
  async save(): Promise<this> {
    const data = this.changedFields(SESSION_WRITABLE);
    if (Object.keys(data).length === 0) return this;
    return this.replace(await this.ctx.call(LinesRpc.sessions.update, { ...this.command(), data }));
  }

  /**
   * Messages oldest first: `from` (default 0) and `size` (default 10, at most 10,000) [doc]. The
   * service ends a reply early when it reaches the NATS payload budget (`hasMore`); the rest of
   * the range is fetched from `nextFrom`, so the caller always gets the whole range.
   */
  async getAllMessages(from = 0, size = 10): Promise<LineMessageItem[]> {
    const messages: LineMessageItem[] = [];
    let next = from;
    while (messages.length < size) {
      const reply = await this.ctx.call(LinesRpc.sessions.getAllMessages, {
        sessionId: this.id,
        from: next,
        size: size - messages.length,
      });
      messages.push(...reply.items.map((message) => this.message(message)));
      if (!reply.hasMore || reply.items.length === 0) break;
      next = reply.nextFrom ?? next + reply.items.length;
    }
    return messages;
  }

  async getLastMessage(): Promise<LineMessageItem | undefined> {
    const reply = await this.ctx.call(LinesRpc.sessions.getLastMessage, { sessionId: this.id });
    return reply.message === null ? undefined : this.message(reply.message);
  }

  async sendSystemMessage(text: string): Promise<LineMessageItem> {
    const reply = await this.ctx.call(LinesRpc.sessions.sendSystemMessage, {
      ...this.command(),
      text,
    });
    this.replace(reply.session);
    return this.message(reply.message);
  }

  /** An operator's reply, delivered to the client's messenger. */
  async sendMessage(text: string, files?: LineMessageFileInput[]): Promise<LineMessageItem> {
    const request = { ...this.command(), text, ...(files === undefined ? {} : { files }) };
    const reply = await this.ctx.call(LinesRpc.sessions.sendMessage, request);
    this.replace(reply.session);
    return this.message(reply.message);
  }

  /** Who was responsible when, oldest first (SessionReassigned history). */
  async getAssignmentHistory(): Promise<SessionAssignmentRecord[]> {
    return (await this.ctx.call(LinesRpc.sessions.getAssignmentReasons, { sessionId: this.id }))
      .items;
  }

  private command(): { sessionId: string; actor?: Actor } {
    return { sessionId: this.id, ...this.ctx.actorField() };
  }

  private message(data: LineMessageData): LineMessageItem {
    return new LineMessageItem(this.ctx, data);
  }
}
