import {
  ErrorCode,
  LineChannelState,
  LineChannelType,
  MessageOutboundPayload,
  OpenLinesError,
} from '@openlines/contracts';
import { ChannelRecord } from '../../channels/domain/channel.rules';
import { DeliveryOutcome, shouldMarkChannelError } from '../domain/delivery-outcome.rules';
import { DeliveryReceiptRepository } from '../persistence/delivery-receipt.repository';
import { OutboundSender } from '../senders/outbound-sender';

export interface DeliveryChannelsPort {
  findById(id: string): Promise<ChannelRecord | null>;
  recordAuthFailure(id: string): Promise<number>;
  resetAuthFailures(id: string): Promise<void>;
}

/** The state machine's markError (channel.changed included). */
export interface ChannelErrorPort {
  markError(id: string, reason: string): Promise<unknown>;
}

/** Thrown so that the consumer runner retries with back-off and, in the end, dead-letters. */
export class DeliveryFailedError extends Error {
  constructor(
    readonly outcome:
      Exclude<DeliveryOutcome, { kind: 'delivered' }> | { kind: 'unavailable'; reason: string },
  ) {
    super(`delivery failed (${outcome.kind}): ${outcome.reason}`);
    this.name = 'DeliveryFailedError';
  }
}

/**
 * Hands one message.outbound event to its channel's messenger. Delivered → a receipt, so a
 * redelivered event is not sent twice, and the run of authorisation failures ends. Anything
 * else throws: the runner naks with back-off and dead-letters after its last try. The N-th
 * authorisation failure in a row puts the channel into the error state with the reason.
 * Only active channels deliver; a channel in error delivers again once it is reconnected.
 */
export class DeliverOutboundUseCase {
  constructor(
    private readonly channels: DeliveryChannelsPort,
    private readonly receipts: DeliveryReceiptRepository,
    private readonly senders: Partial<Record<LineChannelType, OutboundSender>>,
    private readonly states: ChannelErrorPort,
    private readonly authFailureThreshold: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(message: MessageOutboundPayload): Promise<DeliveryOutcome> {
    if (await this.receipts.delivered(message.eventId)) return { kind: 'delivered' };
    const channel = await this.channels.findById(message.channelId);
    if (channel === null) throw unavailable(`channel ${message.channelId} not found`);
    if (channel.__deletedAt !== undefined || channel._state !== LineChannelState.active) {
      throw unavailable(
        `channel ${channel.__id} is ${channel.__deletedAt ? 'deleted' : channel._state}`,
      );
    }
    const sender = this.senders[channel._type];
    if (sender === undefined)
      throw unavailable(`no outbound adapter for ${channel._type} channels`);
    const outcome = await sender.send(channel, message);
    if (outcome.kind === 'delivered') {
      await this.receipts.remember(
        message.eventId,
        channel.__id,
        outcome.externalMessageId,
        this.clock(),
      );
      await this.channels.resetAuthFailures(channel.__id);
      return outcome;
    }
    if (outcome.kind === 'authFailure') await this.countAuthFailure(channel, outcome.reason);
    throw new DeliveryFailedError(outcome);
  }

  private async countAuthFailure(channel: ChannelRecord, reason: string): Promise<void> {
    const failures = await this.channels.recordAuthFailure(channel.__id);
    if (!shouldMarkChannelError(failures, this.authFailureThreshold)) return;
    try {
      await this.states.markError(
        channel.__id,
        `${reason} (${failures} authorisation failures in a row)`,
      );
    } catch (error) {
      // Disconnected meanwhile: the owner stopped the channel, which wins over our error state.
      if (!(error instanceof OpenLinesError && error.code === ErrorCode.InvalidTransition))
        throw error;
    }
  }
}

function unavailable(reason: string): DeliveryFailedError {
  return new DeliveryFailedError({ kind: 'unavailable', reason });
}
