import { EVENT_SCHEMAS, LINES_EVENTS_STREAM, LinesEvents, isLinesEventSubject } from '@openlines/contracts';
import { DurableConsumerHandle, NatsConnection, startDurableConsumer } from '@openlines/messaging';
import { testLogger, uniqueName, waitFor } from '@openlines/testing';

export interface RecordedEvent {
  subject: string;
  payload: Record<string, unknown> & { eventId: string; sessionId?: string };
  msgId?: string;
}

/**
 * Reads the session and message events from the LINES_EVENTS stream, as any consumer would (so a
 * duplicate the stream dropped is never seen twice), in stream order. `onEvent` runs on each one
 * in that order (invariant checks "at every event").
 */
export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  onEvent?: (event: RecordedEvent) => void;
  private handle?: DurableConsumerHandle;
  private durable = uniqueName('recorder');

  constructor(private readonly nc: NatsConnection) {}

  async start(): Promise<this> {
    this.handle = await startDurableConsumer<RecordedEvent['payload']>({
      nc: this.nc,
      durable: this.durable,
      filterSubjects: [
        'lines.events.session.>',
        LinesEvents.message.created,
        LinesEvents.message.outbound,
      ],
      deliverPolicy: 'new',
      logger: testLogger('recorder'),
      handle: (payload, meta) => {
        const event = { subject: meta.subject, payload, msgId: meta.msgId };
        this.events.push(event);
        this.onEvent?.(event);
      },
    });
    return this;
  }

  of(sessionId: string, subject?: string): RecordedEvent[] {
    return this.events.filter((e) => e.payload.sessionId === sessionId && (subject === undefined || e.subject === subject));
  }

  /**
   * Events of the given lines whose payload does not parse with the contracts schema of their
   * subject (should be none). Other spec files may publish to the shared stream meanwhile.
   */
  nonConforming(lineIds: ReadonlySet<string>): string[] {
    return this.events.flatMap((event) => {
      if (!lineIds.has(String(event.payload.lineId))) return [];
      if (!isLinesEventSubject(event.subject)) return [`${event.subject}: unknown subject`];
      const result = EVENT_SCHEMAS[event.subject].safeParse(event.payload);
      return result.success ? [] : [`${event.subject} ${event.payload.eventId}: ${result.error.message}`];
    });
  }

  async waitFor(predicate: (events: RecordedEvent[]) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    await waitFor(() => predicate(this.events), { what, timeoutMs });
  }

  async stop(): Promise<void> {
    await this.handle?.stop();
    await (await this.nc.jetstreamManager()).consumers.delete(LINES_EVENTS_STREAM, this.durable).catch(() => undefined);
  }
}
