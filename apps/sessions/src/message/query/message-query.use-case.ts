import { Inject, Injectable } from '@nestjs/common';
import { CountReply, LineMessageData, SessionMessagesReply } from '@openlines/contracts';
import { compileCountRequest, compileSearchRequest } from '@openlines/query';
import { SessionErrors } from '../../session/domain/session.errors';
import { SessionRepository } from '../../session/persistence/session.repository';
import { MessagePageBuilder, fitted } from '../domain/message-page.rules';
import { MessageRepository } from '../persistence/message.repository';
import { MESSAGE_FIELDS, toMessageData } from '../persistence/message.schema';
import { MESSAGE_PAGE_BUDGET, MessagePageBudget } from './message-page.budget';

/** Messages read from the store at a time while a page fills. */
const READ_CHUNK = 250;

/** Reads of messages: a session's conversation in order, its last message, and search across sessions. */
@Injectable()
export class MessageQueryUseCase {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly messages: MessageRepository,
    @Inject(MESSAGE_PAGE_BUDGET) private readonly budget: MessagePageBudget,
  ) {}

  /**
   * [doc] `getAllMessages(from?, size?)`: oldest first (the size cap is the request schema's).
   * [ours] The page also ends at its byte budget: then `hasMore`, and the range goes on at `nextFrom`.
   */
  async allMessages(sessionId: string, from: number, size: number): Promise<SessionMessagesReply> {
    await this.assertSession(sessionId);
    const page = new MessagePageBuilder(this.budget());
    while (page.items.length < size) {
      const wanted = Math.min(size - page.items.length, READ_CHUNK);
      const docs = await this.messages.page(sessionId, from + page.items.length, wanted);
      for (const doc of docs) {
        if (!page.add(toMessageData(doc))) {
          return { items: page.items, hasMore: true, nextFrom: from + page.items.length };
        }
      }
      if (docs.length < wanted) break;
    }
    return { items: page.items };
  }

  async lastMessage(sessionId: string): Promise<{ message: LineMessageData | null }> {
    await this.assertSession(sessionId);
    const doc = await this.messages.last(sessionId);
    return { message: doc === null ? null : fitted(toMessageData(doc), this.budget()) };
  }

  async search(request: unknown): Promise<{ items: LineMessageData[] }> {
    const { filter, sort, skip, limit } = compileSearchRequest(MESSAGE_FIELDS, request);
    const docs = await this.messages.search(filter, { sort, skip, limit });
    return { items: docs.map(toMessageData) };
  }

  async count(request: unknown): Promise<CountReply> {
    const { filter } = compileCountRequest(MESSAGE_FIELDS, request);
    return { count: await this.messages.count(filter) };
  }

  private async assertSession(sessionId: string): Promise<void> {
    if ((await this.sessions.findById(sessionId)) === null) throw SessionErrors.notFound(sessionId);
  }
}
