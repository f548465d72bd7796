/** A Telegram Update exactly as the Bot API posts it (https://core.telegram.org/bots/api#update). */
export const telegramUpdate = (updateId: number, messageId: number, text: string) =>
  JSON.stringify({
    update_id: updateId,
    message: {
      message_id: messageId,
      from: {
        id: 1111111,
        is_bot: false,
        first_name: 'Test Firstname',
        last_name: 'Test Lastname',
        username: 'Testusername',
        language_code: 'en',
      },
      chat: {
        id: 1111111,
        first_name: 'Test Firstname',
        last_name: 'Test Lastname',
        username: 'Testusername',
        type: 'private',
      },
      date: 1441645532,
      text,
    },
  });

/** A Viber message callback as documented, 64-bit token and all. */
export const viberCallback = (token: string) =>
  `{"event":"message","timestamp":1457764197627,"chat_hostname":"SN-376_","message_token":${token},` +
  `"sender":{"id":"01234567890A=","name":"John McClane","avatar":"http://avatar.example.com","country":"UK","language":"en","api_version":1},` +
  `"message":{"type":"text","text":"a message to the service","tracking_data":"tracking data"},"silent":false}`;
