import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { LOGGER, Logger } from '@openlines/observability';
import { PollLivechatUseCase } from './poll-livechat/poll-livechat.use-case';
import type { RawBodyRequest } from './raw-body.middleware';
import { ReceiveInboundUseCase, WebhookOutcome } from './receive-inbound/receive-inbound.use-case';
import { asWebhookResponse } from './webhook-http.errors';

/**
 * Inbound messenger webhooks. Every accepted update is answered 200 (also when it carries no
 * message, so the messenger does not retry it); see webhook-http.errors for the failures.
 */
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly inbound: ReceiveInboundUseCase,
    private readonly livechatPoll: PollLivechatUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('telegram/:channelId')
  @HttpCode(200)
  telegram(
    @Param('channelId') channelId: string,
    @Headers('x-telegram-bot-api-secret-token') secret: string | undefined,
    @Req() req: RawBodyRequest,
  ): Promise<WebhookOutcome> {
    return asWebhookResponse(this.logger, { webhook: 'telegram', channelId }, () =>
      this.inbound.telegram(channelId, secret, req.body),
    );
  }

  @Post('viber/:channelId')
  @HttpCode(200)
  viber(
    @Param('channelId') channelId: string,
    @Headers('x-viber-content-signature') signature: string | undefined,
    @Req() req: RawBodyRequest,
  ): Promise<WebhookOutcome> {
    return asWebhookResponse(this.logger, { webhook: 'viber', channelId }, () =>
      this.inbound.viber(channelId, signature, req.rawBody, req.body),
    );
  }

  @Post('livechat/:publicKey/messages')
  @HttpCode(200)
  livechatMessage(
    @Param('publicKey') publicKey: string,
    @Req() req: RawBodyRequest,
  ): Promise<WebhookOutcome> {
    return asWebhookResponse(this.logger, { webhook: 'livechat', publicKey }, () =>
      this.inbound.livechat(publicKey, req.body),
    );
  }

  @Get('livechat/:publicKey/messages')
  livechatReplies(@Param('publicKey') publicKey: string, @Query() query: Record<string, unknown>) {
    return asWebhookResponse(this.logger, { webhook: 'livechat', publicKey }, () =>
      this.livechatPoll.execute(publicKey, query),
    );
  }
}
