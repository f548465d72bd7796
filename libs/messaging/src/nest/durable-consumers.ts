import { OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { Logger } from '@openlines/observability';
import { startDurableConsumer } from '../consumers/durable-consumer';
import { DurableConsumerHandle, DurableConsumerOptions } from '../consumers/durable-consumer.types';

export type ManagedConsumerOptions<T> = Omit<DurableConsumerOptions<T>, 'nc' | 'logger'> & {
  logger?: Logger;
};

/**
 * The service's durable consumers: started on its connection, stopped before the connection
 * drains on shutdown, and reported as the 'consumers' readiness check.
 */
export class DurableConsumers implements OnModuleDestroy {
  private readonly handles = new Set<DurableConsumerHandle>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly logger: Logger,
  ) {}

  async start<T = unknown>(options: ManagedConsumerOptions<T>): Promise<DurableConsumerHandle> {
    const inner = await startDurableConsumer<T>({
      ...options,
      nc: this.nc,
      logger: options.logger ?? this.logger,
    });
    const handle: DurableConsumerHandle = {
      durable: inner.durable,
      isRunning: () => inner.isRunning(),
      stop: async () => {
        this.handles.delete(handle);
        await inner.stop();
      },
    };
    this.handles.add(handle);
    return handle;
  }

  /** Readiness: every consumer that was started and not stopped on purpose is consuming. */
  allRunning(): boolean {
    return [...this.handles].every((handle) => handle.isRunning());
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.handles].map((handle) => handle.stop()));
  }

  onModuleDestroy(): Promise<void> {
    return this.stopAll();
  }
}
