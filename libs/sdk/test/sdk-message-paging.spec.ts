import { createLinesClient, LinesClient } from '../src';
import { LinesRpc } from '@openlines/contracts';
import { FakeLinesBackend } from './fake-lines-backend';
import { message, session } from './samples';

/** The service's budget in this fake: at most 3 messages a reply, as if each were ~170 KB. */
const PER_REPLY = 3;

describe('SDK getAllMessages follows replies cut by the payload budget', () => {
  let backend: FakeLinesBackend;
  let lines: LinesClient;
  const stored = Array.from({ length: 8 }, (_, i) => message(`m-${i}`));

  beforeAll(async () => {
    backend = await FakeLinesBackend.start();
    backend.on(LinesRpc.sessions.get, (p) => session(String(p.id)));
    backend.on(LinesRpc.sessions.getAllMessages, (p) => {
      const from = Number(p.from);
      const end = Math.min(from + Number(p.size), stored.length);
      const items = stored.slice(from, Math.min(end, from + PER_REPLY));
      const cut = from + items.length < end;
      return cut ? { items, hasMore: true, nextFrom: from + items.length } : { items };
    });
    lines = createLinesClient({ servers: process.env.NATS_URL!, subjectPrefix: backend.prefix });
  });
  afterAll(async () => {
    await lines?.close();
    await backend?.close();
  });

  it('returns the whole requested range, asking again from nextFrom', async () => {
    const item = await lines.sessions.get('s-paged');
    expect((await item.getAllMessages(0, 100)).map((m) => m.id)).toEqual(stored.map((m) => m.__id));
    const pages = backend.calls.filter((c) => c.subject === LinesRpc.sessions.getAllMessages);
    expect(pages.map((c) => [c.payload.from, c.payload.size])).toEqual([
      [0, 100],
      [3, 97],
      [6, 94],
    ]);
    expect((await item.getAllMessages(1, 4)).map((m) => m.id)).toEqual([
      'm-1',
      'm-2',
      'm-3',
      'm-4',
    ]);
  });
});
