import { randomBytes } from 'node:crypto';
import {
  LineChannelType,
  LineItem,
  LineMetricType,
  LinesClient,
  LineSessionItem,
  LineSessionState,
  MessageCreatedPayload,
  SessionChangedPayload,
  SessionReassignedPayload,
} from '@openlines/sdk';
import { totalsOnceCounted } from '../support/metrics-report';
import { eventually } from '../support/poll';
import { RunningSystem } from '../support/system';
import { postTelegramUpdate } from '../support/telegram-webhook';
import { clientFor, TransportName } from '../support/transports';

/**
 * A customer writes to a Telegram bot → the channels webhook → a queued session → the router
 * assigns the online operator → the operator's reply reaches (fake) Telegram → close → metrics.
 */
export function telegramFlowScenario(system: () => RunningSystem, transport: TransportName): void {
  describe('a customer’s Telegram message, from webhook to metrics', () => {
    const u = randomBytes(4).toString('hex');
    const operator = `op-flow-${transport}-${u}`;
    const botToken = `${100000 + Math.floor(Math.random() * 800000)}:flow_${u}`;
    const secretToken = `flow_secret_${u}_0123456789`;
    const chatId = 700000 + Math.floor(Math.random() * 100000);
    const startedAt = Date.now();
    const changed: SessionChangedPayload[] = [];
    const reassigned: SessionReassignedPayload[] = [];
    const messages: MessageCreatedPayload[] = [];
    const unsubscribe: (() => void)[] = [];
    let lines: LinesClient;
    let line: LineItem;
    let channelId: string;
    let session: LineSessionItem;

    beforeAll(async () => {
      lines = clientFor(transport, system(), { type: 'operator', id: operator });
      const group = `grp-flow-${u}`;
      line = await lines.lines.create({
        __name: `e2e flow ${transport} ${u}`,
        _operatorGroups: [group],
        _distribution: 'auto',
      });
      await lines.operators.upsert(operator, [group], 'Olga Operator');
      await lines.operators.setStatus(operator, 'online');
      const channel = await lines.channels.create({
        __name: `flow bot ${u}`,
        _line: line.id,
        _type: LineChannelType.telegramBot,
        _settings: { botToken, secretToken },
      });
      channelId = channel.id;
      const filter = { lineId: line.id };
      const subscriptions = [
        lines.onSessionChanged((event) => void changed.push(event), filter),
        lines.onSessionReassigned((event) => void reassigned.push(event), filter),
        lines.onMessage((event) => void messages.push(event), filter),
      ];
      unsubscribe.push(...subscriptions);
      await Promise.all(subscriptions.map((subscription) => subscription.ready));
    });
    afterAll(async () => {
      unsubscribe.forEach((stop) => stop());
      await lines?.close();
    });

    it('takes the customer’s message in through the webhook', async () => {
      const response = await postTelegramUpdate(system().channelsUrl, channelId, secretToken, {
        chatId,
        username: `ann_${u}`,
        text: 'Hello, I need help with my order',
      });
      expect(response.status).toBe(200);
    });

    it('opens a session that the router assigns to the online operator', async () => {
      session = await eventually('the session assigned to the operator', async () => {
        const found = await lines.sessions
          .search()
          .where((f, g) => g.and(f.__deletedAt.eq(null), f._line.eq(line)))
          .first();
        return found?.data._state === LineSessionState.AssignedToOperator ? found : undefined;
      });
      expect(session.data._userId).toBe(operator);
      expect(session.data._channel).toBe(channelId);
      const [first] = await session.getAllMessages();
      expect(first.data.body).toBe('Hello, I need help with my order');
      expect(first.data.client).toBe(session.data._clients[0]);
      await eventually('the SessionReassigned event', async () =>
        reassigned.find((event) => event.sessionId === session.id && event.to.userId === operator),
      );
      await eventually('a SessionChanged event of the state', async () =>
        changed.find(
          (event) =>
            event.sessionId === session.id && event.changes.some((c) => c.field === '_state'),
        ),
      );
    });

    it('delivers the operator’s reply to Telegram', async () => {
      const reply = await session.sendMessage('Hi Ann, let me check your order.');
      expect(reply.data.operator).toBe(operator);
      const call = await eventually('the sendMessage call to Telegram', async () =>
        system()
          .telegram.sent(botToken)
          .find((c) => String(c.body.text).includes('let me check your order')),
      );
      expect(String(call.body.chat_id)).toBe(String(chatId));
      await eventually('both messages as events', async () =>
        messages.length >= 2 ? messages : undefined,
      );
      expect(messages.map((event) => event.sender.type)).toEqual(
        expect.arrayContaining(['client', 'operator']),
      );
    });

    it('closes the session, and metrics report it with its first response time', async () => {
      await session.close();
      expect(session.data._state).toBe(LineSessionState.Closed);
      const types = [
        LineMetricType.sessionsCreated,
        LineMetricType.sessionsClosed,
        LineMetricType.firstResponseTime,
      ];
      const totals = await totalsOnceCounted(lines, line.id, startedAt, types, 1);
      const elapsedSeconds = (Date.now() - startedAt) / 1000;
      const firstResponse = totals[LineMetricType.firstResponseTime]!;
      expect(firstResponse.avg).toBeGreaterThanOrEqual(0);
      expect(firstResponse.avg).toBeLessThanOrEqual(elapsedSeconds);
      const items = await lines.metrics
        .search()
        .where((f, g) =>
          g.and(
            f._line.eq(line),
            f._type.eq(LineMetricType.firstResponseTime),
            f._operator.eq(operator),
          ),
        )
        .all();
      expect(items.length).toBeGreaterThan(0);
    });
  });
}
