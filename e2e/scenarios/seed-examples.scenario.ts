import { randomBytes } from 'node:crypto';
import {
  ErrorCode,
  LineChannelItem,
  LineChannelState,
  LineChannelType,
  LineItem,
  LinesClient,
  LineSessionState,
  RECONNECTABLE_CHANNEL_TYPES,
} from '@openlines/sdk';
import { RunningSystem } from '../support/system';
import { clientFor, TransportName } from '../support/transports';
import * as channelExamples from './seed-examples';
import * as sessionExamples from './seed-session-examples';

const example = { ...channelExamples, ...sessionExamples };

/** The spec's examples, run as written against the running system. */
export function seedExamplesScenario(system: () => RunningSystem, transport: TransportName): void {
  describe('the examples of the Live Chats overview', () => {
    const u = randomBytes(4).toString('hex');
    const operator = `op-${transport}-${u}`;
    const contact = {
      namespace: 'crm',
      code: 'contacts',
      id: `contact-${u}`,
      fetch: async () => ({ data: { _account: [{ login: 'telegram_username' }] } }),
    };
    let lines: LinesClient;
    let System: channelExamples.Sys;
    let line: LineItem;
    let telegramChannel: LineChannelItem;
    let sessionId: string;

    beforeAll(async () => {
      lines = clientFor(transport, system(), { type: 'operator', id: operator });
      System = { lines };
      const group = `grp-${u}`;
      line = await lines.lines.create({
        __name: `e2e examples ${transport} ${u}`,
        _operatorGroups: [group],
        _accountApp: { namespace: 'crm', code: 'contacts' },
      });
      await lines.operators.upsert(operator, [group]);
      await lines.operators.setStatus(operator, 'online');
      const existing = await lines.lines
        .search()
        .where((f) => f.__name.eq('Some live chat'))
        .count();
      if (existing === 0) await lines.lines.create({ __name: 'Some live chat' });
      await lines.channels.create({
        __name: `bot ${u}`,
        _line: line.id,
        _type: LineChannelType.telegramBot,
        _settings: { botToken: `1${Date.now()}:${u}`, secretToken: `secret_${u}_0123456789` },
      });
    });
    afterAll(() => lines?.close());

    it('gets a live chat by name', async () => {
      const line = await example.getLiveChatByName(System);
      expect(line.data.__name).toBe('Some live chat');
      expect(line.data.__deletedAt).toBeUndefined();
    });

    it('disconnects an active channel, lists it as inactive and reconnects it if its type allows', async () => {
      const channel = await example.disconnectChannel(System);
      expect(channel.data._state).toBe(LineChannelState.disconnected);
      const inactive = await example.getInactiveChannels(System);
      expect(inactive.map((item) => item.id)).toContain(channel.id);
      const reconnected = await example.reconnectChannels(System);
      await channel.fetch();
      if (RECONNECTABLE_CHANNEL_TYPES.includes(channel.data._type)) {
        expect(reconnected.map((item) => item.id)).toContain(channel.id);
        expect(channel.data._state).toBe(LineChannelState.active);
      } else {
        await channel.reconnect().catch(() => undefined);
        expect(channel.data._state).toBe(LineChannelState.disconnected);
      }
      for (const item of reconnected) expect(item.data._state).toBe(LineChannelState.active);
    });

    it('refuses to reconnect a channel type that cannot be, with INVALID_TRANSITION', async () => {
      const internal = await lines.channels.create({
        __name: `internal ${u}`,
        _line: line.id,
        _type: LineChannelType.internal,
      });
      await internal.disconnect();
      await expect(internal.reconnect()).rejects.toMatchObject({
        code: ErrorCode.InvalidTransition,
      });
    });

    it('creates a session on behalf of the operator for the contact’s account', async () => {
      // Created only now, so that the disconnect example above cannot pick it.
      telegramChannel = await lines.channels.create({
        __name: `telegram ${u}`,
        _line: line.id,
        _type: LineChannelType.telegram,
        _settings: { phoneNumber: '+10000000001', apiId: 1, apiHash: `hash-${u}` },
      });
      const session = await example.createSession(System, {
        data: { contact, channel: telegramChannel },
      });
      expect(session.data._channel).toBe(telegramChannel.id);
      expect(session.data._state).not.toBe(LineSessionState.Closed);
      sessionId = session.id;
    });

    it('finds the Telegram client by account and links it to a contact', async () => {
      const { channel, client } = await example.findTelegramClient(System);
      expect(channel.data._type).toBe(LineChannelType.telegram);
      expect(client.data._username).toBe('telegram_username');
      expect(client.data._channel).toBe(channel.id);
      const linked = await example.linkClientToContact(System, { data: { contact } });
      const stored = await lines.clients.get(linked.id);
      expect(stored.data._applicationItem).toEqual({
        namespace: 'crm',
        code: 'contacts',
        id: contact.id,
      });
    });

    it('finds the client’s open session', async () => {
      const { client, session } = await example.findOpenSessionOfClient(System);
      expect(session.data._clients).toContain(client.id);
      expect(session.data._state).not.toBe(LineSessionState.Closed);
    });

    it('assigns the session to a user, reads its last message and sends a system message', async () => {
      const context = { data: { sessionId, user: { id: operator } } };
      const session = await example.assignToUser(System, context);
      expect(session.data._userId).toBe(operator);
      expect(session.data._state).toBe(LineSessionState.AssignedToOperator);
      const before = await example.getLastMessage(System, context);
      if (before !== undefined) expect(before.data.session).toBe(sessionId);
      const message = await example.sendSystemMessage(System, context);
      expect(message.data.body).toBe('Priority changed to High');
      const last = await example.getLastMessage(System, context);
      expect(last?.id).toBe(message.id);
    });

    it('marks the session as spam and takes it back to work', async () => {
      const context = { data: { sessionId } };
      const spam = await example.markAsSpam(System, context);
      expect(spam.data._state).toBe(LineSessionState.MarkedAsSpam);
      const back = await example.unmarkAsSpam(System, context);
      expect(back.data._state).toBe(LineSessionState.AssignedToOperator);
      expect(back.data._userId).toBe(operator);
    });
  });
}
