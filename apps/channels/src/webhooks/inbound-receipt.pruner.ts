import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LOGGER, Logger } from '@openlines/observability';
import { CHANNELS_CONFIG, ChannelsConfig } from '../config/channels.config';
import { InboundReceiptRepository } from './persistence/inbound-receipt.repository';

const HOUR_MS = 3_600_000;

/** Forgets inbound receipts older than INBOUND_RECEIPT_TTL_HOURS, once an hour. */
@Injectable()
export class InboundReceiptPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly receipts: InboundReceiptRepository,
    @Inject(CHANNELS_CONFIG) private readonly config: ChannelsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), HOUR_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async prune(now = new Date()): Promise<void> {
    try {
      const before = new Date(now.getTime() - this.config.inboundReceiptTtlHours * HOUR_MS);
      const removed = await this.receipts.prune(before);
      if (removed > 0) this.logger.info({ removed }, 'old inbound receipts removed');
    } catch (error) {
      this.logger.warn({ err: error }, 'pruning inbound receipts failed; next round retries');
    }
  }
}
