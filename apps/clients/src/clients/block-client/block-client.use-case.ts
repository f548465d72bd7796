import { retryOnConflict } from '@openlines/messaging';
import { LineClientData, OpenLinesError } from '@openlines/contracts';
import { LinesDirectory } from '../../lines-directory/lines-directory';
import { OutboxKick } from '../../store/outbox-kick';
import {
  BlockRequest,
  ClientBlockPatch,
  blockPatch,
  unblockPatch,
} from '../domain/client-block.rules';
import { clientChanges } from '../domain/client-changes.rules';
import { clientChangedEntry } from '../domain/client.events';
import { ClientRepository } from '../persistence/client.repository';

/**
 * lines.clients.block / unblock. Whether the account may be blocked depends on its channel's
 * type (employees of internal channels may not: FORBIDDEN). A client writes to one line, its
 * channel's: a per-line block names that line, or it is refused (VALIDATION_FAILED on lineId).
 */
export class BlockClientUseCase {
  constructor(
    private readonly clients: ClientRepository,
    private readonly directory: LinesDirectory,
    private readonly outbox: OutboxKick,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async block(id: string, request: BlockRequest): Promise<LineClientData> {
    const client = await this.clients.getById(id);
    const channel = await this.directory.channel(client._channel);
    if (request.lineId !== undefined && request.lineId !== channel.lineId) {
      const message = `Client ${id} writes to line ${channel.lineId} only`;
      throw OpenLinesError.validation(`invalid lines.clients.block request: lineId: ${message}`, [
        { field: 'lineId', message },
      ]);
    }
    return this.write(id, (current, now) => blockPatch(current, channel.type, request, now));
  }

  unblock(id: string): Promise<LineClientData> {
    return this.write(id, (current) => unblockPatch(current));
  }

  private write(
    id: string,
    rule: (client: LineClientData, now: Date) => ClientBlockPatch | null,
  ): Promise<LineClientData> {
    return retryOnConflict(async () => {
      const now = this.clock();
      const before = await this.clients.getById(id);
      const patch = rule(before, now);
      if (patch === null) return before;
      const after: LineClientData = { ...before, ...patch, __updatedAt: now.toISOString() };
      for (const key of ['_blockedUntil', '_blockedLine'] as const)
        if (after[key] === undefined) delete after[key];
      const version = (before._version ?? 1) + 1;
      const stored = await this.clients.replace(before, after, [
        clientChangedEntry(after, clientChanges(before, after), version, now),
      ]);
      this.outbox.kick();
      return stored;
    });
  }
}
