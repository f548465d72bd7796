import { INestApplication } from '@nestjs/common';
import { ChannelRepository } from './channels/persistence/channel.repository';
import { livechatCors } from './webhooks/livechat-cors.middleware';
import { captureRawBody } from './webhooks/raw-body.middleware';

/**
 * HTTP setup of the channels service, given to bootstrapService's `configure` (it runs before
 * Nest registers its body parser): webhook bodies are read raw (Viber signs the exact bytes),
 * and the live chat answers browsers on its allowed origins (CORS).
 */
export function configureChannelsHttp(app: INestApplication): void {
  app.use('/webhooks/livechat', livechatCors(app.get(ChannelRepository)));
  app.use('/webhooks', captureRawBody);
}
