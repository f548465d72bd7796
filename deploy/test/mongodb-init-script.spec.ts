// The replica-set init script of the mongodb-init Job, run in a sandbox with a scripted stand-in
// for mongosh's `rs`, `db` and `Mongo` (no MongoDB server exists on this machine). It pins the
// decisions the script makes: initiate once with every member, wait for a primary, and create
// or update the services' user on the primary with readWrite on each service database.
import vm from 'node:vm';
import { stringAt } from './support/json';
import { findResource, renderProduction } from './support/rendered-manifests';
import { databasesOf, loadServicesFile } from './support/services-contract';

const script =
  stringAt(
    findResource(renderProduction(), 'ConfigMap', 'mongodb-init-script'),
    'data',
    'init-replica-set.js',
  ) ?? '';
const databases = databasesOf(loadServicesFile().services);

interface ReplicaSetConfig {
  _id: string;
  members: Array<{ _id: number; host: string; priority: number }>;
}

function runScript(options: {
  initiated: boolean;
  userExists: boolean;
  primaryAfterPolls: number;
  statusError?: string;
}) {
  const calls: string[] = [];
  let initiatedWith: ReplicaSetConfig | undefined;
  let clock = 1_000_000;
  let polls = 0;
  let initiated = options.initiated;
  const adminOn = (host: string) => ({
    auth: (user: string, password: string) => calls.push(`auth ${host} ${user}:${password}`),
    getUser: (user: string) => (options.userExists ? { user } : null),
    createUser: (spec: unknown) => calls.push(`createUser ${host} ${JSON.stringify(spec)}`),
    updateUser: (user: string, spec: unknown) =>
      calls.push(`updateUser ${host} ${user} ${JSON.stringify(spec)}`),
  });
  const rs = {
    status: () => {
      if (options.statusError)
        throw Object.assign(new Error(options.statusError), { codeName: options.statusError });
      if (!initiated)
        throw Object.assign(new Error('no replset config'), { codeName: 'NotYetInitialized' });
      polls += 1;
      const primary = polls > options.primaryAfterPolls ? 'mongodb-1.mongodb:27017' : undefined;
      return {
        members: [
          { name: 'mongodb-0.mongodb:27017', stateStr: 'SECONDARY' },
          ...(primary ? [{ name: primary, stateStr: 'PRIMARY' }] : []),
        ],
      };
    },
    initiate: (config: ReplicaSetConfig) => {
      initiated = true;
      initiatedWith = config;
    },
  };
  class FakeDate extends Date {
    static override now(): number {
      return clock;
    }
  }
  const context = {
    process: {
      env: {
        MONGO_REPLICAS: '3',
        OPENLINES_DATABASES: databases.join(','),
        MONGO_ROOT_USERNAME: 'root',
        MONGO_ROOT_PASSWORD: 'rootpw',
        MONGO_APP_USERNAME: 'openlines',
        MONGO_APP_PASSWORD: 'apppw',
      },
    },
    db: { getSiblingDB: (name: string) => (name === 'admin' ? adminOn('direct') : undefined) },
    rs,
    Mongo: class {
      constructor(private readonly url: string) {}
      getDB(name: string) {
        calls.push(`connect ${this.url} ${name}`);
        return adminOn(new URL(this.url).host);
      }
    },
    print: (line: string) => calls.push(`print ${line}`),
    sleep: (ms: number) => (clock += ms),
    Date: FakeDate,
  };
  const outcome = (() => {
    try {
      vm.runInNewContext(script, context);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  })();
  return { calls, initiatedWith, error: outcome };
}

describe('the mongodb-init script', () => {
  it('initiates a fresh replica set with every member and creates the user on the primary', () => {
    const { calls, initiatedWith, error } = runScript({
      initiated: false,
      userExists: false,
      primaryAfterPolls: 2,
    });
    expect(error).toBeUndefined();
    expect(initiatedWith).toEqual({
      _id: 'rs0',
      members: [0, 1, 2].map((i) => ({
        _id: i,
        host: `mongodb-${i}.mongodb:27017`,
        priority: i === 0 ? 2 : 1,
      })),
    });
    expect(calls[0]).toBe('auth direct root:rootpw');
    expect(calls).toContain(
      'connect mongodb://mongodb-1.mongodb:27017/?directConnection=true admin',
    );
    expect(calls).toContain('auth mongodb-1.mongodb:27017 root:rootpw');
    const roles = databases.map((db) => ({ role: 'readWrite', db }));
    expect(calls).toContain(
      `createUser mongodb-1.mongodb:27017 ${JSON.stringify({ user: 'openlines', pwd: 'apppw', roles })}`,
    );
  });

  it('leaves an initiated replica set alone and updates an existing user (password rotation)', () => {
    const { calls, initiatedWith, error } = runScript({
      initiated: true,
      userExists: true,
      primaryAfterPolls: 0,
    });
    expect(error).toBeUndefined();
    expect(initiatedWith).toBeUndefined();
    expect(
      calls.some((call) =>
        call.startsWith('updateUser mongodb-1.mongodb:27017 openlines {"pwd":"apppw"'),
      ),
    ).toBe(true);
    expect(calls.some((call) => call.startsWith('createUser'))).toBe(false);
  });

  it('fails (and the Job retries) on any other error, without initiating', () => {
    const { initiatedWith, error } = runScript({
      initiated: false,
      userExists: false,
      primaryAfterPolls: 0,
      statusError: 'Unauthorized',
    });
    expect(error).toBe('Unauthorized');
    expect(initiatedWith).toBeUndefined();
  });

  it('gives up when no primary is elected within its deadline', () => {
    const { calls, error } = runScript({
      initiated: true,
      userExists: false,
      primaryAfterPolls: Number.POSITIVE_INFINITY,
    });
    expect(error).toMatch(/no primary in 300 s/);
    expect(calls.some((call) => call.startsWith('createUser'))).toBe(false);
  });
});
