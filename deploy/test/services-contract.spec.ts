// deploy/services.json itself: well-formed, consistent, and holding the fixed facts the services
// are written against (names, default ports, env names, databases, ingress paths).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, envNamesOf, loadServicesFile } from './support/services-contract';

const contract = loadServicesFile();
const byName = Object.fromEntries(contract.services.map((service) => [service.name, service]));
const COMMON_ENV = [
  'NATS_URL',
  'NATS_USER',
  'NATS_PASSWORD',
  'NATS_TOKEN',
  'NATS_CREDS_FILE',
  'NATS_SUBJECT_PREFIX',
  'LOG_LEVEL',
  'HTTP_PORT',
];
/** Each service's own settings carry its name as a prefix, so they cannot be mistaken. */
const PREFIXED = ['CHANNELS', 'CLIENTS', 'SESSIONS', 'METRICS', 'GATEWAY'];

describe('deploy/services.json', () => {
  it('lists the services that tools/run-service.js runs, in the same order', () => {
    const runService = readFileSync(path.join(REPO_ROOT, 'tools', 'run-service.js'), 'utf8');
    const listed = /const SERVICES = (\[[^\]]+\]);/.exec(runService)?.[1] ?? '[]';
    expect(contract.services.map((service) => service.name)).toEqual(
      JSON.parse(listed.replace(/'/g, '"')),
    );
  });

  it('gives every service its default port, its own database (none for the gateway) and unique values', () => {
    expect(Object.fromEntries(contract.services.map((s) => [s.name, s.port]))).toEqual({
      channels: 3001,
      clients: 3002,
      sessions: 3003,
      metrics: 3004,
      gateway: 8080,
    });
    expect(Object.fromEntries(contract.services.map((s) => [s.name, s.database]))).toEqual({
      channels: 'openlines_channels',
      clients: 'openlines_clients',
      sessions: 'openlines_sessions',
      metrics: 'openlines_metrics',
      gateway: null,
    });
    for (const service of contract.services) {
      expect(service.defaults.HTTP_PORT).toBe(String(service.port));
    }
    expect(new Set(contract.services.map((s) => s.image)).size).toBe(contract.services.length);
  });

  it('has every service read the common connection settings', () => {
    for (const service of contract.services) {
      expect(envNamesOf(service).sort()).toEqual(expect.arrayContaining(COMMON_ENV));
      expect(service.env.required).toEqual(expect.arrayContaining(['NATS_URL', 'HTTP_PORT']));
    }
  });

  it('requires a secret MONGO_URL exactly of the services that have a database', () => {
    for (const { name, database, env } of contract.services) {
      const mongoUrl = {
        required: env.required.includes('MONGO_URL'),
        optional: env.optional.includes('MONGO_URL'),
        secret: env.secret.includes('MONGO_URL'),
      };
      const stores = database !== null;
      expect({ name, mongoUrl }).toEqual({
        name,
        mongoUrl: { required: stores, optional: false, secret: stores },
      });
    }
  });

  it('adds API_KEYS to the gateway and the messenger API base URLs to channels only', () => {
    expect(byName.gateway.env.required).toContain('API_KEYS');
    expect(byName.gateway.env.secret).toContain('API_KEYS');
    expect(byName.channels.defaults).toMatchObject({
      TELEGRAM_API_BASE_URL: 'https://api.telegram.org',
      VIBER_API_BASE_URL: 'https://chatapi.viber.com/pa',
    });
    const holders = (envName: string) =>
      contract.services.filter((s) => envNamesOf(s).includes(envName)).map((s) => s.name);
    expect(holders('API_KEYS')).toEqual(['gateway']);
    expect(holders('TELEGRAM_API_BASE_URL')).toEqual(['channels']);
    expect(holders('VIBER_API_BASE_URL')).toEqual(['channels']);
  });

  it("gives no service another service's prefixed settings", () => {
    const misplaced = contract.services.flatMap((s) =>
      envNamesOf(s)
        .filter((envName) => {
          const prefix = PREFIXED.find((candidate) => envName.startsWith(`${candidate}_`));
          return prefix !== undefined && prefix !== s.name.toUpperCase();
        })
        .map((envName) => `${s.name}:${envName}`),
    );
    expect(misplaced).toEqual([]);
  });

  it('keeps required and optional apart, and marks only names the service reads as secret', () => {
    for (const service of contract.services) {
      expect(service.env.required.filter((name) => service.env.optional.includes(name))).toEqual(
        [],
      );
      expect(service.env.secret.filter((name) => !envNamesOf(service).includes(name))).toEqual([]);
      expect(
        Object.keys(service.defaults).filter((name) => !envNamesOf(service).includes(name)),
      ).toEqual([]);
      expect(service.env.secret).toContain('NATS_PASSWORD');
    }
  });

  it('routes webhooks to channels and everything else to the gateway', () => {
    expect(Object.fromEntries(contract.services.map((s) => [s.name, s.ingressPaths]))).toEqual({
      channels: ['/webhooks'],
      clients: [],
      sessions: [],
      metrics: [],
      gateway: ['/'],
    });
    expect(contract.probes).toEqual({ liveness: '/healthz', readiness: '/readyz' });
  });
});
