// NATS as deployed, in the base and in production: JetStream on a PVC, authorization on with the
// credentials the services get. The rendered nats.conf is run by a real nats-server to prove
// that clients without the Secret's credentials are refused.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { JsonObject, stringAt } from './support/json';
import { containerNamed, envSources } from './support/pod-env';
import {
  freePort,
  natsHandshake,
  natsServerBinary,
  portAccepts,
  waitFor,
} from './support/processes';
import {
  findResource,
  hasResource,
  renderBase,
  renderProduction,
} from './support/rendered-manifests';

const renderings: Array<[string, JsonObject[]]> = [
  ['base', renderBase()],
  ['production', renderProduction()],
];

describe.each(renderings)('%s: NATS', (rendering, resources) => {
  const statefulSet = findResource(resources, 'StatefulSet', 'nats') as unknown as IStatefulSet;
  const container = containerNamed(statefulSet, 'nats');
  const config =
    stringAt(findResource(resources, 'ConfigMap', 'nats-config'), 'data', 'nats.conf') ?? '';

  it('runs JetStream with its store on a persistent volume claim', () => {
    const storeDir = /store_dir:\s*(\S+)/.exec(config)?.[1];
    const dataMount = container.volumeMounts?.find((mount) => mount.name === 'data');
    expect(dataMount?.mountPath).toBe(storeDir);
    expect(statefulSet.spec?.volumeClaimTemplates?.map((claim) => claim.metadata?.name)).toEqual([
      'data',
    ]);
    expect(statefulSet.spec?.serviceName).toBe('nats-headless');
    expect(hasResource(resources, 'Service', 'nats-headless')).toBe(true);
  });

  it('requires the user and password that the services get, from the same Secret keys', () => {
    expect(config).toMatch(
      /authorization\s*{\s*user:\s*\$NATS_USER\s+password:\s*\$NATS_PASSWORD\s*}/,
    );
    const serverEnv = envSources(container, resources);
    const gateway = findResource(resources, 'Deployment', 'gateway') as unknown as IDeployment;
    const clientEnv = envSources(containerNamed(gateway, 'gateway'), resources);
    for (const name of ['NATS_USER', 'NATS_PASSWORD']) {
      expect(serverEnv.get(name)).toMatchObject({ from: 'secret' });
      expect(serverEnv.get(name)).toEqual(clientEnv.get(name));
    }
  });

  it('is what the services connect to (NATS_URL names the client Service)', () => {
    const natsUrl = new URL(
      stringAt(findResource(resources, 'ConfigMap', 'openlines-config'), 'data', 'NATS_URL') ?? '',
    );
    expect(natsUrl.hostname).toBe('nats');
    expect(findResource(resources, 'Service', 'nats')).toMatchObject({
      spec: { ports: [{ name: 'client', port: Number(natsUrl.port) }] },
    });
  });

  it('is a valid nats-server configuration', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-nats-conf-'));
    try {
      writeFileSync(path.join(dir, 'nats.conf'), config);
      const env = {
        ...process.env,
        POD_NAME: 'nats-0',
        NATS_USER: 'openlines',
        NATS_PASSWORD: 'Secret-1',
      };
      expect(() =>
        execFileSync(natsServerBinary(), ['-t', '-c', path.join(dir, 'nats.conf')], {
          env,
          stdio: 'pipe',
        }),
      ).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  if (rendering === 'production') {
    it('forms a three-node cluster with a route to every pod', () => {
      expect(statefulSet.spec?.replicas).toBe(3);
      const routes = [...config.matchAll(/nats:\/\/(nats-\d)\.nats-headless:6222/g)].map(
        (match) => match[1],
      );
      expect(routes).toEqual(['nats-0', 'nats-1', 'nats-2']);
      expect(config).toMatch(/server_name:\s*\$POD_NAME/);
    });
  }
});

describe('the deployed nats.conf, run by a real nats-server', () => {
  let server: ChildProcess | undefined;
  let dir = '';
  let port = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-nats-auth-'));
    const deployed =
      stringAt(findResource(renderBase(), 'ConfigMap', 'nats-config'), 'data', 'nats.conf') ?? '';
    // Only the machine-specific parts change: the store path (nats-server refuses a second
    // store_dir from the command line), ports and the pid file.
    const config = deployed.replace(/store_dir:\s*\S+/, `store_dir: "${path.join(dir, 'store')}"`);
    expect(config).not.toBe(deployed);
    writeFileSync(path.join(dir, 'nats.conf'), config);
    port = await freePort();
    const monitorPort = await freePort();
    const args = [
      '-c',
      path.join(dir, 'nats.conf'),
      '-a',
      '127.0.0.1',
      '-p',
      String(port),
      '-m',
      String(monitorPort),
    ];
    args.push('-P', path.join(dir, 'nats.pid'));
    const env = {
      ...process.env,
      POD_NAME: 'nats-0',
      NATS_USER: 'openlines',
      NATS_PASSWORD: 'p@ss#word-1',
    };
    const child = spawn(natsServerBinary(), args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    server = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    await waitFor('nats-server to listen', async () => {
      if (child.exitCode !== null) throw new Error(`nats-server exited: ${stderr}`);
      return (await portAccepts(port)) ? true : undefined;
    });
  });

  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the credentials from the environment', async () => {
    await expect(natsHandshake(port, { user: 'openlines', pass: 'p@ss#word-1' })).resolves.toBe(
      '+OK',
    );
  });

  it('refuses a client without credentials or with a wrong password', async () => {
    await expect(natsHandshake(port, {})).resolves.toMatch(/Authorization Violation/i);
    await expect(natsHandshake(port, { user: 'openlines', pass: 'wrong' })).resolves.toMatch(
      /Authorization Violation/i,
    );
  });
});
