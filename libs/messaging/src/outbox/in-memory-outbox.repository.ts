import { OutboxRecord, OutboxRepository } from './outbox.types';

/** In-process outbox for tests and the embedded dev mode; keeps write order for equal timestamps. */
export class InMemoryOutboxRepository implements OutboxRepository {
  private readonly records: OutboxRecord[] = [];

  async add(...records: OutboxRecord[]): Promise<void> {
    for (const record of records) {
      if (this.records.some((existing) => existing.eventId === record.eventId)) {
        throw new Error(`outbox already holds event ${record.eventId}`);
      }
      this.records.push({ ...record });
    }
  }

  async listPending(limit: number): Promise<OutboxRecord[]> {
    return this.records
      .map((record, index) => ({ record, index }))
      .filter(({ record }) => record.publishedAt === undefined)
      .sort(
        (a, b) => a.record.createdAt.getTime() - b.record.createdAt.getTime() || a.index - b.index,
      )
      .slice(0, limit)
      .map(({ record }) => ({ ...record }));
  }

  async markPublished(eventIds: string[], publishedAt: Date): Promise<void> {
    const ids = new Set(eventIds);
    for (const record of this.records)
      if (ids.has(record.eventId)) record.publishedAt = publishedAt;
  }

  /** Every record, published or not, in write order. */
  all(): OutboxRecord[] {
    return this.records.map((record) => ({ ...record }));
  }
}
