import { ErrorCode } from '@openlines/contracts';
import { DEFAULT_SESSIONS_HTTP_PORT, sessionsConfigFromEnv } from './sessions.config';

describe('sessions configuration', () => {
  it('has defaults for everything', () => {
    const config = sessionsConfigFromEnv({});
    expect(config).toMatchObject({
      serviceName: 'sessions',
      httpPort: DEFAULT_SESSIONS_HTTP_PORT,
      queueAgingMinutes: 10,
      inboundDurable: 'sessions-inbound',
      inboundDeliverPolicy: 'all',
      outboxRelayEnabled: true,
    });
    expect(config.httpPort).toBe(3003);
    expect(config.mongoUrl).toBeUndefined();
  });

  it('reads the environment', () => {
    const config = sessionsConfigFromEnv({
      HTTP_PORT: '4000',
      MONGO_URL: 'mongodb://db:27017',
      SESSIONS_QUEUE_AGING_MINUTES: '3',
      SESSIONS_OUTBOX_RELAY: 'false',
      SESSIONS_INBOUND_DELIVER_POLICY: 'new',
    });
    expect(config).toMatchObject({
      httpPort: 4000,
      mongoUrl: 'mongodb://db:27017',
      queueAgingMinutes: 3,
      outboxRelayEnabled: false,
      inboundDeliverPolicy: 'new',
    });
  });

  it('refuses bad values, naming the variable', () => {
    expect(() => sessionsConfigFromEnv({ HTTP_PORT: 'x', SESSIONS_OUTBOX_RELAY: 'maybe' })).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed, message: expect.stringMatching(/HTTP_PORT.*SESSIONS_OUTBOX_RELAY/) }),
    );
  });
});
