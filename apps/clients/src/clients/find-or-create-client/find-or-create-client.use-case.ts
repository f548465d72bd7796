import { retryOnConflict } from '@openlines/messaging';
import { randomUUID } from 'node:crypto';
import {
  ClientFindOrCreateReply,
  ErrorCode,
  LineClientData,
  OpenLinesError,
} from '@openlines/contracts';
import { LinesDirectory } from '../../lines-directory/lines-directory';
import { OutboxKick } from '../../store/outbox-kick';
import { clientChanges } from '../domain/client-changes.rules';
import { clientChangedEntry } from '../domain/client.events';
import { FindOrCreateInput, missingExtraData, newClient } from '../domain/client.rules';
import { ClientRepository } from '../persistence/client.repository';

/**
 * lines.clients.findOrCreate: the client of (channel, account), created on first contact.
 * Idempotent under any concurrency: the store's unique index on (channel, account) lets one
 * insert win; every other racer gets CONFLICT, reads the winner and replies with it
 * (`created: false`). Only the winner emits client.changed. An existing client learns the extra
 * data it lacks (one more client.changed), and keeps everything else.
 */
export class FindOrCreateClientUseCase {
  constructor(
    private readonly clients: ClientRepository,
    private readonly directory: LinesDirectory,
    private readonly outbox: OutboxKick,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(input: FindOrCreateInput): Promise<ClientFindOrCreateReply> {
    const existing = await this.clients.findByAccount(input.channelId, input.account);
    if (existing) return { client: await this.learn(existing, input), created: false };
    const channel = await this.directory.channel(input.channelId);
    const now = this.clock();
    const client = newClient(input, channel.type, randomUUID(), now);
    try {
      const stored = await this.clients.insert(client, [
        clientChangedEntry(client, clientChanges(undefined, client), 1, now),
      ]);
      this.outbox.kick();
      return { client: stored, created: true };
    } catch (error) {
      if (!(error instanceof OpenLinesError && error.code === ErrorCode.Conflict)) throw error;
      const winner = await this.clients.findByAccount(input.channelId, input.account);
      if (winner === null) throw error;
      return { client: await this.learn(winner, input), created: false };
    }
  }

  private learn(client: LineClientData, input: FindOrCreateInput): Promise<LineClientData> {
    if (Object.keys(missingExtraData(client._extraData, input.extraData)).length === 0)
      return Promise.resolve(client);
    return retryOnConflict(async () => {
      const now = this.clock();
      const before = await this.clients.getById(client.__id);
      const extra = missingExtraData(before._extraData, input.extraData);
      if (Object.keys(extra).length === 0) return before;
      const after: LineClientData = {
        ...before,
        _extraData: { ...before._extraData, ...extra },
        __updatedAt: now.toISOString(),
      };
      const version = (before._version ?? 1) + 1;
      const event = clientChangedEntry(after, clientChanges(before, after), version, now);
      const stored = await this.clients.replace(before, after, [event]);
      this.outbox.kick();
      return stored;
    });
  }
}
