import {
  DeliveryOutcome,
  nextAuthFailureCount,
  networkOutcome,
  shouldMarkChannelError,
  telegramOutcome,
  viberOutcome,
} from './delivery-outcome.rules';

describe('telegramOutcome', () => {
  it('reads the sent message id of a successful sendMessage', () => {
    const reply = {
      ok: true,
      result: { message_id: 77, chat: { id: 1, type: 'private' }, date: 1, text: 'hi' },
    };
    expect(telegramOutcome(200, reply)).toEqual({ kind: 'delivered', externalMessageId: '77' });
  });

  it('counts a bad bot token as an authorisation failure', () => {
    expect(
      telegramOutcome(401, { ok: false, error_code: 401, description: 'Unauthorized' }),
    ).toEqual({
      kind: 'authFailure',
      reason: 'Telegram 401: Unauthorized',
    });
  });

  it('does not fail the channel because one user blocked the bot', () => {
    const reply = {
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    };
    expect(telegramOutcome(403, reply).kind).toBe('rejected');
  });

  it('counts any other 403 as an authorisation failure', () => {
    expect(telegramOutcome(403, { ok: false, description: 'Forbidden' }).kind).toBe('authFailure');
  });

  it.each([
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [400, 'rejected'],
  ])('treats HTTP %i as %s', (status, kind) => {
    expect(telegramOutcome(status, { ok: false, description: 'x' }).kind).toBe(kind);
  });

  it('does not trust a 200 without ok', () => {
    expect(telegramOutcome(200, 'not json').kind).toBe('rejected');
  });
});

describe('viberOutcome', () => {
  it.each([
    [{ status: 0, status_message: 'ok', message_token: 5098034272017990000 }, 'delivered'],
    [{ status: 2, status_message: 'invalidAuthToken' }, 'authFailure'],
    [{ status: 12, status_message: 'tooManyRequests' }, 'retry'],
    [{ status: 6, status_message: 'receiverNotSubscribed' }, 'rejected'],
    [{}, 'retry'],
  ])('maps %j to %s', (body, kind) => {
    expect(viberOutcome(200, body).kind).toBe(kind);
  });

  it('maps HTTP-level refusals too', () => {
    expect(viberOutcome(401, {}).kind).toBe('authFailure');
    expect(viberOutcome(503, {}).kind).toBe('retry');
  });
});

describe('authorisation failure counting', () => {
  const auth: DeliveryOutcome = { kind: 'authFailure', reason: 'x' };
  const retry: DeliveryOutcome = { kind: 'retry', reason: 'x' };

  it('counts failures in a row and resets on a delivery', () => {
    let count = 0;
    for (const outcome of [auth, auth, retry, auth]) count = nextAuthFailureCount(count, outcome);
    expect(count).toBe(3);
    expect(nextAuthFailureCount(count, { kind: 'delivered' })).toBe(0);
  });

  it('fails the channel at the threshold', () => {
    expect(shouldMarkChannelError(2, 3)).toBe(false);
    expect(shouldMarkChannelError(3, 3)).toBe(true);
  });

  it('retries network errors', () => {
    expect(networkOutcome(new Error('ECONNREFUSED'))).toEqual({
      kind: 'retry',
      reason: 'network: ECONNREFUSED',
    });
  });
});
