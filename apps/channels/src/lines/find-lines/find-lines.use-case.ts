import { LineData } from '@openlines/contracts';
import { compileCountRequest, compileSearchRequest } from '@openlines/query';
import { LINE_FIELDS } from '../domain/line.fields';
import { LineRepository } from '../persistence/line.repository';

/** lines.lines.get / search / count. Search requests are checked against LINE_FIELDS. */
export class FindLinesUseCase {
  constructor(private readonly lines: LineRepository) {}

  get(id: string): Promise<LineData> {
    return this.lines.getById(id);
  }

  async search(request: unknown): Promise<{ items: LineData[] }> {
    const { filter, sort, skip, limit } = compileSearchRequest(LINE_FIELDS, request);
    return { items: await this.lines.search(filter, { sort, skip, limit }) };
  }

  async count(request: unknown): Promise<{ count: number }> {
    const { filter } = compileCountRequest(LINE_FIELDS, request);
    return { count: await this.lines.count(filter) };
  }
}
