import { retryOnConflict } from '@openlines/messaging';
import { LineClientData } from '@openlines/contracts';
import { LinesDirectory } from '../../lines-directory/lines-directory';
import { OutboxKick } from '../../store/outbox-kick';
import { assertApplicationItemAllowed } from '../domain/client-application.rules';
import { clientChanges } from '../domain/client-changes.rules';
import { clientChangedEntry } from '../domain/client.events';
import { ClientSaveData, savedClient } from '../domain/client.rules';
import { ClientRepository } from '../persistence/client.repository';

/**
 * lines.clients.save (`client.save()` [doc]): name, extra data, and the link to an app item,
 * which the client's line must bind for accounts (asked of the channels service: the client's
 * channel → its line → `_accountApp`), else FORBIDDEN. Saving what is already there writes nothing.
 */
export class SaveClientUseCase {
  constructor(
    private readonly clients: ClientRepository,
    private readonly directory: LinesDirectory,
    private readonly outbox: OutboxKick,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(id: string, data: ClientSaveData): Promise<LineClientData> {
    const item = data._applicationItem;
    if (item) {
      const client = await this.clients.getById(id);
      const channel = await this.directory.channel(client._channel);
      const line = await this.directory.line(channel.lineId);
      assertApplicationItemAllowed(line.__id, line._accountApp, item);
    }
    return retryOnConflict(async () => {
      const now = this.clock();
      const before = await this.clients.getById(id);
      const after = savedClient(before, data, now);
      const changes = clientChanges(before, after);
      if (changes.length === 0) return before;
      const version = (before._version ?? 1) + 1;
      const stored = await this.clients.replace(before, after, [
        clientChangedEntry(after, changes, version, now),
      ]);
      this.outbox.kick();
      return stored;
    });
  }
}
