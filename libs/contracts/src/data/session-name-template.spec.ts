import {
  DEFAULT_SESSION_NAME_TEMPLATE,
  SessionNameTemplateSchema,
  renderSessionName,
} from './session-name-template';

const values = {
  clientName: 'Ann',
  account: 'ann_tg',
  channelName: 'Bot',
  channelType: 'telegramBot',
  lineName: 'Support',
  date: '2025-01-02',
};

describe('session name template', () => {
  it('the default is valid and renders', () => {
    expect(SessionNameTemplateSchema.parse(DEFAULT_SESSION_NAME_TEMPLATE)).toBe(
      DEFAULT_SESSION_NAME_TEMPLATE,
    );
    expect(renderSessionName(DEFAULT_SESSION_NAME_TEMPLATE, values)).toBe('Ann (Bot)');
  });

  it('fills every placeholder', () => {
    const template = '{lineName}/{channelType}/{account}/{date}';
    expect(renderSessionName(SessionNameTemplateSchema.parse(template), values)).toBe(
      'Support/telegramBot/ann_tg/2025-01-02',
    );
  });

  it('refuses unknown placeholders, naming them', () => {
    const result = SessionNameTemplateSchema.safeParse('{clientName} {ticketNo}');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('{ticketNo}');
  });

  it('never renders an empty name', () => {
    expect(renderSessionName('{channelName}', { ...values, channelName: '  ' })).toBe('Ann');
  });
});
