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
  'MONGO_URL',
  'LOG_LEVEL',
  'HTTP_PORT',
];

describe('deploy/services.json', () => {
  it('lists the services that tools/run-service.js runs, in the same order', () => {
    const runService = readFileSync(path.join(REPO_ROOT, 'tools', 'run-service.js'), 'utf8');
    const listed = /const SERVICES = (\[[^\]]+\]);/.exec(runService)?.[1] ?? '[]';
    expect(contract.services.map((service) => service.name)).toEqual(
      JSON.parse(listed.replace(/'/g, '"')),
    );
  });

  it('gives every service its default port, its own database and unique values', () => {
    expect(Object.fromEntries(contract.services.map((s) => [s.name, s.port]))).toEqual({
      channels: 3001,
      clients: 3002,
      sessions: 3003,
      metrics: 3004,
      gateway: 8080,
    });
    for (const service of contract.services) {
      expect(service.database).toBe(`openlines_${service.name}`);
      expect(service.defaults.HTTP_PORT).toBe(String(service.port));
    }
    expect(new Set(contract.services.map((s) => s.image)).size).toBe(contract.services.length);
  });

  it('has every service read the common connection settings', () => {
    for (const service of contract.services) {
      expect(envNamesOf(service).sort()).toEqual(expect.arrayContaining(COMMON_ENV));
      expect(service.env.required).toEqual(
        expect.arrayContaining(['NATS_URL', 'MONGO_URL', 'HTTP_PORT']),
      );
    }
  });

  it('adds API_KEYS to the gateway and the messenger API base URLs to channels only', () => {
    expect(byName.gateway.env.required).toContain('API_KEYS');
    expect(byName.gateway.env.secret).toContain('API_KEYS');
    expect(byName.channels.defaults).toMatchObject({
      TELEGRAM_API_BASE_URL: 'https://api.telegram.org',
      VIBER_API_BASE_URL: 'https://chatapi.viber.com/pa',
    });
    const extras = contract.services.flatMap((s) =>
      envNamesOf(s)
        .filter((name) => !COMMON_ENV.includes(name))
        .map((name) => `${s.name}:${name}`),
    );
    expect(extras.sort()).toEqual([
      'channels:TELEGRAM_API_BASE_URL',
      'channels:VIBER_API_BASE_URL',
      'gateway:API_KEYS',
    ]);
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
      expect(service.env.secret).toEqual(expect.arrayContaining(['NATS_PASSWORD', 'MONGO_URL']));
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
