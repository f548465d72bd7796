import { Injectable } from '@nestjs/common';
import { CountReply, LineMessageData } from '@openlines/contracts';
import { compileCountRequest, compileSearchRequest } from '@openlines/query';
import { SessionErrors } from '../../session/domain/session.errors';
import { SessionRepository } from '../../session/persistence/session.repository';
import { MessageRepository } from '../persistence/message.repository';
import { MESSAGE_FIELDS, toMessageData } from '../persistence/message.schema';

/** Reads of messages: a session's conversation in order, its last message, and search across sessions. */
@Injectable()
export class MessageQueryUseCase {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly messages: MessageRepository,
  ) {}

  /** [doc] `getAllMessages(from?, size?)`: oldest first (the size cap is the request schema's). */
  async allMessages(sessionId: string, from: number, size: number): Promise<{ items: LineMessageData[] }> {
    await this.assertSession(sessionId);
    const docs = await this.messages.page(sessionId, from, size);
    return { items: docs.map(toMessageData) };
  }

  async lastMessage(sessionId: string): Promise<{ message: LineMessageData | null }> {
    await this.assertSession(sessionId);
    const doc = await this.messages.last(sessionId);
    return { message: doc === null ? null : toMessageData(doc) };
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
