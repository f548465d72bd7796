// The deployment contract (deploy/services.json) and the services' config code name the same
// environment variables: every name a service's config reads is declared for it, and every
// declared name is really read (by the service's config, by the shared NATS config or by the
// shared logger, which every service uses). Declared defaults are the code's own defaults.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, loadServicesFile } from './support/services-contract';

/** Keys of the zod env schemas (`  HTTP_PORT: z…`) and direct reads (`env.X`, `env['X']`). */
function envNamesReadBy(files: string[]): Set<string> {
  const names = new Set<string>();
  const patterns = [
    /^\s+([A-Z][A-Z0-9_]{2,}):\s/gm,
    /\benv\.([A-Z][A-Z0-9_]{2,})\b/g,
    /\benv\[['"]([A-Z][A-Z0-9_]{2,})['"]\]/g,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1]);
  }
  return names;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => path.join(dir, file));
}

const LOGGING_DIR = path.join(REPO_ROOT, 'libs/observability/src/logging');
const sharedNats = envNamesReadBy(sourceFiles(path.join(REPO_ROOT, 'libs/messaging/src/config')));
// createLogger (@openlines/observability) reads LOG_LEVEL from the process environment.
const sharedLogging = envNamesReadBy(sourceFiles(LOGGING_DIR));
const shared = new Set([...sharedNats, ...sharedLogging]);
const services = loadServicesFile().services;
const API_KEYS = { API_KEYS: 'local-test-key-0123456789abcdef' };

type ConfigFromEnv = (env: NodeJS.ProcessEnv) => { httpPort: number };

function configFromEnvOf(name: string): ConfigFromEnv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(REPO_ROOT, 'apps', name, 'src', 'config', `${name}.config.ts`));
  return config[`${name}ConfigFromEnv`] as ConfigFromEnv;
}

/** The level createLogger picks when neither LOG_LEVEL nor an explicit level is given. */
function loggerDefaultLevel(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createLogger } = require(path.join(LOGGING_DIR, 'logger.factory.ts')) as {
    createLogger: (
      name: string,
      options: { destination: { write(line: string): void } },
    ) => {
      level: string;
    };
  };
  const saved = process.env.LOG_LEVEL;
  delete process.env.LOG_LEVEL;
  try {
    return createLogger('default-level-probe', { destination: { write: () => undefined } }).level;
  } finally {
    if (saved !== undefined) process.env.LOG_LEVEL = saved;
  }
}

describe('services.json agrees with the services config code', () => {
  it('the shared NATS config reads the NATS variables', () => {
    for (const name of [
      'NATS_URL',
      'NATS_USER',
      'NATS_PASSWORD',
      'NATS_TOKEN',
      'NATS_CREDS_FILE',
    ]) {
      expect(sharedNats).toContain(name);
    }
  });

  it('the shared logger reads LOG_LEVEL', () => {
    expect(sharedLogging).toContain('LOG_LEVEL');
  });

  describe.each(services.map((s) => [s.name, s] as const))('%s', (name, service) => {
    const own = envNamesReadBy(sourceFiles(path.join(REPO_ROOT, 'apps', name, 'src', 'config')));
    const declared = new Set([...service.env.required, ...service.env.optional]);

    it('has a config module that reads its environment', () => {
      expect(own.size).toBeGreaterThan(0);
      expect(own).toContain('HTTP_PORT');
    });

    it('logs through the shared createLogger, so it reads LOG_LEVEL too', () => {
      const main = readFileSync(path.join(REPO_ROOT, 'apps', name, 'src', 'main.ts'), 'utf8');
      expect(main).toMatch(
        /import \{[^}]*\bcreateLogger\b[^}]*\} from '@openlines\/observability'/,
      );
      expect(main).toMatch(/\bcreateLogger\(/);
    });

    it('declares every variable its config, the shared NATS config and the logger read', () => {
      const undeclared = [...own, ...shared].filter((env) => !declared.has(env));
      expect(undeclared).toEqual([]);
    });

    it('reads every variable it declares', () => {
      const unread = [...declared].filter((env) => !own.has(env) && !shared.has(env));
      expect(unread).toEqual([]);
    });

    it('listens by default on the port the deployments expect', () => {
      const fromEnv = configFromEnvOf(name);
      expect(typeof fromEnv).toBe('function');
      expect(fromEnv(API_KEYS).httpPort).toBe(service.port);
    });

    it('declares as defaults what its config does when the variable is unset', () => {
      const fromEnv = configFromEnvOf(name);
      const unset = fromEnv(API_KEYS);
      for (const [env, value] of Object.entries(service.defaults)) {
        if (sharedLogging.has(env)) continue; // the logger's variables: next test
        const set = fromEnv({ ...API_KEYS, [env]: value });
        expect({ env, config: set }).toEqual({ env, config: unset });
      }
    });

    it('declares as LOG_LEVEL default the level it logs at without LOG_LEVEL', () => {
      const unset = configFromEnvOf(name)(API_KEYS) as { logLevel?: string };
      // A config without a level of its own leaves it to createLogger's default.
      expect(unset.logLevel ?? loggerDefaultLevel()).toBe(service.defaults.LOG_LEVEL);
    });
  });
});
