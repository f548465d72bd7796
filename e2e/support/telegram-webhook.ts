export interface CustomerMessage {
  chatId: number;
  username: string;
  text: string;
}

/** Posts a Telegram Bot API update, as Telegram does, to the channels service's webhook. */
export function postTelegramUpdate(
  channelsUrl: string,
  channelId: string,
  secretToken: string,
  message: CustomerMessage,
): Promise<Response> {
  const update = {
    update_id: message.chatId,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      from: {
        id: message.chatId,
        is_bot: false,
        first_name: 'Ann',
        username: message.username,
        language_code: 'en',
      },
      chat: { id: message.chatId, type: 'private', first_name: 'Ann' },
      text: message.text,
    },
  };
  return fetch(`${channelsUrl}/webhooks/telegram/${channelId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secretToken },
    body: JSON.stringify(update),
  });
}
