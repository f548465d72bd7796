import {
  ErrorCode,
  LineChannelType,
  MessageInboundPayload,
  OpenLinesError,
  inboundMessageKeyOf,
} from '@openlines/contracts';
import type { Logger } from '@openlines/observability';
import { isLive } from '../../channels/domain/channel-state.rules';
import { ChannelRecord } from '../../channels/domain/channel.rules';
import { boundInbound } from '../domain/inbound-limits.rules';
import { InboundUpdate } from '../domain/inbound-update';
import { normaliseLivechatMessage } from '../domain/livechat-message.rules';
import { normaliseTelegramUpdate } from '../domain/telegram-update.rules';
import { normaliseViberCallback } from '../domain/viber-callback.rules';
import { telegramSecretMatches, viberSignatureMatches } from '../domain/webhook-signature.rules';
import { InboundReceiptRepository } from '../persistence/inbound-receipt.repository';
import { inboundPayload, isJsonObject } from './inbound-payload';

/** Where normalised inbound messages go: JetStream, with Nats-Msg-Id = eventId. */
export interface InboundEventsPort {
  publish(payload: MessageInboundPayload): Promise<void>;
}

export interface WebhookChannelsPort {
  findById(id: string): Promise<ChannelRecord | null>;
  findByLivechatKey(publicKey: string): Promise<ChannelRecord | null>;
}

export type WebhookOutcome =
  { outcome: 'published' | 'duplicate'; eventId: string } | { outcome: 'ignored'; reason: string };

/**
 * Every inbound webhook, in this order: the channel must exist with the webhook's type
 * (NOT_FOUND), the request must prove it comes from the messenger (UNAUTHORIZED), the channel
 * must take messages (INVALID_TRANSITION: disconnected or deleted), the body must be an update
 * (VALIDATION_FAILED). Then the update becomes at most one message.inbound event, published
 * before the webhook is answered, so an accepted update is never lost; a message id already
 * received in the same chat is dropped (receipts), and JetStream drops a concurrent twin by its
 * Nats-Msg-Id. What exceeds our limits is cut (boundInbound) and logged, never refused.
 */
export class ReceiveInboundUseCase {
  constructor(
    private readonly channels: WebhookChannelsPort,
    private readonly receipts: InboundReceiptRepository,
    private readonly events: InboundEventsPort,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async telegram(
    channelId: string,
    secretHeader: string | undefined,
    body: unknown,
  ): Promise<WebhookOutcome> {
    const channel = await this.channelOf(channelId, LineChannelType.telegramBot);
    const settings = channel._settings as { secretToken: string };
    if (!telegramSecretMatches(settings.secretToken, secretHeader))
      throw unauthorized('Telegram secret token');
    assertTakesMessages(channel);
    return this.accept(channel, normaliseTelegramUpdate(body), body);
  }

  async viber(
    channelId: string,
    signatureHeader: string | undefined,
    rawBody: Buffer | undefined,
    body: unknown,
  ): Promise<WebhookOutcome> {
    const channel = await this.channelOf(channelId, LineChannelType.viberbot);
    const settings = channel._settings as { authToken: string };
    if (
      rawBody === undefined ||
      !viberSignatureMatches(settings.authToken, rawBody, signatureHeader)
    ) {
      throw unauthorized('Viber content signature');
    }
    assertTakesMessages(channel);
    return this.accept(channel, normaliseViberCallback(body, rawBody.toString('utf8')), body);
  }

  /** The widget proves nothing but its public key; the visitor token identifies the visitor. */
  async livechat(publicKey: string, body: unknown): Promise<WebhookOutcome> {
    const channel = await this.livechatChannel(publicKey);
    assertTakesMessages(channel);
    return this.accept(channel, normaliseLivechatMessage(body, this.clock()));
  }

  async livechatChannel(publicKey: string): Promise<ChannelRecord> {
    const channel = await this.channels.findByLivechatKey(publicKey);
    if (channel === null) throw OpenLinesError.notFound('live chat', publicKey);
    return channel;
  }

  private async channelOf(channelId: string, type: LineChannelType): Promise<ChannelRecord> {
    const channel = await this.channels.findById(channelId);
    if (channel === null || channel._type !== type)
      throw OpenLinesError.notFound(`${type} channel`, channelId);
    return channel;
  }

  private async accept(
    channel: ChannelRecord,
    update: InboundUpdate,
    raw?: unknown,
  ): Promise<WebhookOutcome> {
    if (update.kind === 'ignored') return { outcome: 'ignored', reason: update.reason };
    const now = this.clock();
    const bounded = boundInbound(update.message, isJsonObject(raw) ? raw : undefined);
    const payload = inboundPayload(channel, bounded.message, now, bounded.raw);
    const key = inboundMessageKeyOf(payload);
    if (await this.receipts.seen(key)) return { outcome: 'duplicate', eventId: payload.eventId };
    if (bounded.truncated.length > 0) {
      this.logger.warn(
        { channelId: channel.__id, eventId: payload.eventId, truncated: bounded.truncated },
        'inbound message above our limits: published and stored truncated',
      );
    }
    await this.events.publish(payload);
    await this.receipts.remember(payload.eventId, key, now);
    return { outcome: 'published', eventId: payload.eventId };
  }
}

export function assertTakesMessages(channel: ChannelRecord): void {
  if (isLive(channel)) return;
  const why = channel.__deletedAt === undefined ? 'disconnected' : 'deleted';
  throw new OpenLinesError(ErrorCode.InvalidTransition, `channel ${channel.__id} is ${why}`, {
    channelId: channel.__id,
    state: channel._state,
  });
}

function unauthorized(what: string): OpenLinesError {
  return new OpenLinesError(ErrorCode.Unauthorized, `missing or wrong ${what}`);
}
