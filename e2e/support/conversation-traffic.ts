import { LinesClient, LineSessionItem, LineSessionState } from '@openlines/sdk';
import { CrashGate, throughCrash } from './crash-gate';
import { postLivechatMessage, visitorAccountOf } from './livechat-webhook';
import { eventually } from './poll';

/** What the callers were told before the crash (beforeKill) or after it. */
export interface Acked {
  beforeKill: boolean;
}
export interface ConversationRecord {
  index: number;
  visitorToken: string;
  account: string;
  /** The visitor's messages the webhook accepted (200). */
  clientMessages: (Acked & { messageId: string; text: string })[];
  /** Seen assigned through the SDK, with its client. */
  session?: Acked & { id: string; clientId: string; operatorId: string };
  replies: (Acked & { text: string })[];
  closed?: Acked;
}

export interface TrafficOptions {
  channelsUrl: string;
  publicKey: string;
  lineId: string;
  /** The system actor's SDK, for the searches. */
  lines: LinesClient;
  /** The SDK of an operator, over NATS or HTTP by the conversation's parity. */
  operator: (operatorId: string, index: number) => LinesClient;
  /** Called after every acknowledgement, with how many there were so far. */
  onAck: (count: number) => void;
}

const STEP_DEADLINE_MS = 120_000;
/** Polls of many conversations at once: not faster than this each. */
const POLL_MS = 250;

/**
 * Live chat conversations driven as a visitor and an operator would: the visitor writes twice
 * (webhook), the router assigns an operator, who replies (SDK) and closes. Every answer is
 * recorded with whether it came before the crash. Once the crash has begun, a failed step is
 * retried after the restart, idempotently: a message by its id (the webhook de-duplicates), a
 * reply or a close only if the store does not show it already.
 */
export class ConversationTraffic {
  readonly conversations: ConversationRecord[] = [];
  private acks = 0;

  constructor(
    private readonly options: TrafficOptions,
    private readonly crash: CrashGate,
  ) {}

  async run(count: number, concurrency: number, tag: string): Promise<void> {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) await this.conversation(i, tag);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  private async conversation(index: number, tag: string): Promise<void> {
    const visitorToken = `crash-${tag}-visitor-${index}`;
    const record: ConversationRecord = {
      index,
      visitorToken,
      account: visitorAccountOf(visitorToken),
      clientMessages: [],
      replies: [],
    };
    this.conversations.push(record);
    // Both visitor messages at once: the second joins the session the first one opens.
    const texts = [await this.clientMessage(record, 1), await this.clientMessage(record, 2)];
    const session = await this.assigned(record);
    const operatorId = session.data._userId as string;
    record.session = {
      id: session.id,
      clientId: session.data._clients[0],
      operatorId,
      ...this.ack(),
    };
    const mine = await this.step('operator reads the session', () =>
      this.options.operator(operatorId, index).sessions.get(session.id),
    );
    await eventually(
      `conversation ${index}: both visitor messages in the session`,
      async () => ((await this.hasMessages(mine, texts).catch(() => false)) ? true : undefined),
      STEP_DEADLINE_MS,
      POLL_MS,
    );
    const reply = `reply ${index} from ${operatorId}`;
    const sent = async () => ((await this.hasMessages(mine, [reply])) ? true : undefined);
    await this.step('operator replies', async () => Boolean(await mine.sendMessage(reply)), sent);
    record.replies.push({ text: reply, ...this.ack() });
    const closed = async () =>
      (await this.options.lines.sessions.get(session.id)).data._state === LineSessionState.Closed
        ? mine
        : undefined;
    await this.step('operator closes', () => mine.close(), closed);
    record.closed = this.ack();
  }

  private async clientMessage(record: ConversationRecord, n: number): Promise<string> {
    const message = {
      visitorToken: record.visitorToken,
      text: `message ${n} of conversation ${record.index}`,
      messageId: `c${record.index}-m${n}`,
    };
    await this.step(`visitor message ${message.messageId}`, async () => {
      const response = await postLivechatMessage(
        this.options.channelsUrl,
        this.options.publicKey,
        message,
      );
      if (response.status !== 200)
        throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
    });
    record.clientMessages.push({ messageId: message.messageId, text: message.text, ...this.ack() });
    return message.text;
  }

  /** The visitor's session once the router gave it to an operator. */
  private assigned(record: ConversationRecord): Promise<LineSessionItem> {
    return eventually(
      `conversation ${record.index}: its session assigned to an operator`,
      async () => {
        const found = await this.options.lines.sessions
          .search()
          // Line and state first: the store reads only the assigned sessions of the line.
          .where((f, g) =>
            g.and(
              f._line.eq(this.options.lineId),
              f._state.eq(LineSessionState.AssignedToOperator),
              f._externalChatId.eq(record.account),
            ),
          )
          .first()
          .catch((error: unknown) => {
            if (!this.crash.started) throw error;
            return undefined;
          });
        return found;
      },
      STEP_DEADLINE_MS,
      POLL_MS,
    );
  }

  private async hasMessages(session: LineSessionItem, texts: readonly string[]): Promise<boolean> {
    const bodies = new Set(
      (await session.getAllMessages(0, 100)).map((message) => message.data.body),
    );
    return texts.every((text) => bodies.has(text));
  }

  private step<T>(what: string, op: () => Promise<T>, done?: () => Promise<T | undefined>) {
    return throughCrash(this.crash, what, op, done, STEP_DEADLINE_MS);
  }

  private ack(): Acked {
    const beforeKill = !this.crash.started;
    this.acks += 1;
    this.options.onAck(this.acks);
    return { beforeKill };
  }
}
