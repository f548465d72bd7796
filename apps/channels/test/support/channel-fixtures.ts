import { LineChannelType, LinesRpc, RpcRequest } from '@openlines/contracts';

export type CreateRequest = RpcRequest<typeof LinesRpc.channels.create>;
/** Every secret the fixtures below hold: none may ever appear in a reply or an event. */
const SECRETS = [
  '123456:AAH-secret-bot-token',
  'tg-webhook-secret-000001',
  'viber-auth-token-secret',
  'wa-access',
  'wa-app',
  'wa-verify',
  'ig-access',
  'vk-access',
  'vk-secret',
  'mail-secret',
  'mtproto-hash',
];

/** One channel of every type, with all of its settings (secrets included). */
export function everyType(line: string, tag: string): CreateRequest[] {
  const base = (type: LineChannelType) => ({ __name: `${type} ${tag}`, _line: line, _type: type });
  return [
    { ...base(LineChannelType.internal), _type: LineChannelType.internal },
    { ...base(LineChannelType.support), _type: LineChannelType.support },
    {
      ...base(LineChannelType.telegram),
      _type: LineChannelType.telegram,
      _settings: { phoneNumber: '+15550001', apiId: 1, apiHash: 'mtproto-hash' },
    },
    {
      ...base(LineChannelType.telegramBot),
      _type: LineChannelType.telegramBot,
      _settings: {
        botToken: '123456:AAH-secret-bot-token',
        secretToken: 'tg-webhook-secret-000001',
        botUsername: 'ol_bot',
      },
    },
    {
      ...base(LineChannelType.viberbot),
      _type: LineChannelType.viberbot,
      _settings: { authToken: 'viber-auth-token-secret', senderName: 'OpenLines' },
    },
    {
      ...base(LineChannelType.whatsapp),
      _type: LineChannelType.whatsapp,
      _settings: {
        phoneNumberId: '100',
        accessToken: 'wa-access',
        appSecret: 'wa-app',
        verifyToken: 'wa-verify',
      },
    },
    {
      ...base(LineChannelType.instagram),
      _type: LineChannelType.instagram,
      _settings: {
        pageId: '200',
        accessToken: 'ig-access',
        appSecret: 'wa-app',
        verifyToken: 'wa-verify',
      },
    },
    {
      ...base(LineChannelType.vk),
      _type: LineChannelType.vk,
      _settings: {
        groupId: '300',
        accessToken: 'vk-access',
        secretKey: 'vk-secret',
        confirmationCode: 'abc',
      },
    },
    {
      ...base(LineChannelType.inbox),
      _type: LineChannelType.inbox,
      _settings: { address: 'help@example.com', webhookSecret: 'mail-secret' },
    },
    {
      ...base(LineChannelType.livechat),
      _type: LineChannelType.livechat,
      _settings: { publicKey: `pk-${tag}-site` },
    },
  ];
}

export function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}
