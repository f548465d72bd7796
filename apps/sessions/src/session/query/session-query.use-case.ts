import { Injectable } from '@nestjs/common';
import { CountReply, LineSessionData, SessionAssignmentRecord } from '@openlines/contracts';
import { compileCountRequest, compileSearchRequest } from '@openlines/query';
import { SessionErrors } from '../domain/session.errors';
import { SessionRepository } from '../persistence/session.repository';
import { AssignmentEntry, SESSION_FIELDS, toSessionData } from '../persistence/session.schema';

/** A SessionAssignmentRecord plus, for automatic assignments, the router's rule and candidates. */
export type AssignmentReason = SessionAssignmentRecord & Pick<AssignmentEntry, 'rule' | 'candidates'>;

/** Reads of sessions: by id, search and count (filters checked against SESSION_FIELDS). */
@Injectable()
export class SessionQueryUseCase {
  constructor(private readonly sessions: SessionRepository) {}

  async get(id: string): Promise<LineSessionData> {
    const session = await this.sessions.findById(id);
    if (session === null) throw SessionErrors.notFound(id);
    return toSessionData(session);
  }

  async search(request: unknown): Promise<{ items: LineSessionData[] }> {
    const { filter, sort, skip, limit } = compileSearchRequest(SESSION_FIELDS, request);
    const docs = await this.sessions.search(filter, { sort, skip, limit });
    return { items: docs.map(toSessionData) };
  }

  async count(request: unknown): Promise<CountReply> {
    const { filter } = compileCountRequest(SESSION_FIELDS, request);
    return { count: await this.sessions.count(filter) };
  }

  /** Every change of who was responsible, oldest first, with the router's reasons where it chose. */
  async assignmentReasons(sessionId: string): Promise<{ items: AssignmentReason[] }> {
    const session = await this.sessions.findById(sessionId);
    if (session === null) throw SessionErrors.notFound(sessionId);
    return { items: session._assignments };
  }
}
