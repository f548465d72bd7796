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
    expect(config.store).toEqual({ database: 'openlines_sessions', embedded: 'sqlite', dataDir: '.data' });
  });

  it('reads the environment', () => {
    const config = sessionsConfigFromEnv({
      HTTP_PORT: '4000',
      MONGO_URL: 'mongodb://db:27017',
      STORE: 'memory',
      OPENLINES_DATA_DIR: '/var/lib/openlines',
      SESSIONS_QUEUE_AGING_MINUTES: '3',
      SESSIONS_OUTBOX_RELAY: 'false',
      SESSIONS_INBOUND_DELIVER_POLICY: 'new',
    });
    expect(config).toMatchObject({
      httpPort: 4000,
      store: { mongoUrl: 'mongodb://db:27017', embedded: 'memory', dataDir: '/var/lib/openlines' },
      queueAgingMinutes: 3,
      outboxRelayEnabled: false,
      inboundDeliverPolicy: 'new',
    });
  });

  it('refuses bad values, naming the variable', () => {
    expect(() => sessionsConfigFromEnv({ HTTP_PORT: 'x', STORE: 'disk', SESSIONS_OUTBOX_RELAY: 'maybe' })).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed, message: expect.stringMatching(/HTTP_PORT.*STORE.*SESSIONS_OUTBOX_RELAY/) }),
    );
  });
});
