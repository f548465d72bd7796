/** A Bot API update of a private chat's text message, as Telegram POSTs it to a webhook. */
export function telegramUpdate(updateId: number, client: number, messageId: number, text: string) {
  const chatId = 500_000_000 + client;
  const from = {
    id: chatId,
    is_bot: false,
    first_name: `Customer ${client}`,
    username: `bench_${client}`,
    language_code: 'en',
  };
  return {
    update_id: updateId,
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      from,
      chat: { id: chatId, type: 'private', first_name: from.first_name },
      text,
    },
  };
}

/** POSTs the update signed with the channel's secret token; true when answered 2xx. */
export function postUpdate(
  webhookUrl: string,
  secretToken: string,
  update: object,
): Promise<boolean> {
  return fetch(webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-telegram-bot-api-secret-token': secretToken,
    },
    body: JSON.stringify(update),
  }).then(
    async (response) => {
      await response.arrayBuffer();
      return response.ok;
    },
    () => false,
  );
}
