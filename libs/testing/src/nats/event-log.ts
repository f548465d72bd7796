import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { DurableConsumerHandle, NatsConnection, startDurableConsumer } from '@openlines/messaging';
import { testLogger } from './test-nats';
import { uniqueName } from '../unique-name';
import { waitFor } from '../wait-for';

export interface LoggedEvent<T = Record<string, unknown>> {
  subject: string;
  payload: T;
  msgId?: string;
}

/**
 * Reads events from JetStream as any consumer would (a durable of its own, from now on), so a
 * spec can wait for the events its requests cause. Stop it in afterAll: it deletes its durable.
 */
export class EventLog {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly durable: string,
    private readonly handle: DurableConsumerHandle,
    readonly events: LoggedEvent[],
  ) {}

  static async start(nc: NatsConnection, subjects: string[]): Promise<EventLog> {
    const durable = uniqueName('spec_events');
    const events: LoggedEvent[] = [];
    const handle = await startDurableConsumer<Record<string, unknown>>({
      nc,
      durable,
      filterSubjects: subjects,
      deliverPolicy: 'new',
      logger: testLogger('event-log'),
      handle: (payload, meta) =>
        void events.push({ subject: meta.subject, payload, msgId: meta.msgId }),
    });
    return new EventLog(nc, durable, handle, events);
  }

  matching<T = Record<string, unknown>>(
    subject: string,
    where: (payload: T) => boolean = () => true,
  ): LoggedEvent<T>[] {
    return (this.events as LoggedEvent<T>[]).filter(
      (event) => event.subject === subject && where(event.payload),
    );
  }

  async waitFor<T = Record<string, unknown>>(
    subject: string,
    where: (payload: T) => boolean,
    count = 1,
  ): Promise<LoggedEvent<T>[]> {
    await waitFor(() => this.matching(subject, where).length >= count, {
      what: `${count} × ${subject}`,
    });
    return this.matching(subject, where);
  }

  async stop(): Promise<void> {
    await this.handle.stop();
    const jsm = await this.nc.jetstreamManager();
    await jsm.consumers.delete(LINES_EVENTS_STREAM, this.durable).catch(() => undefined);
  }
}
