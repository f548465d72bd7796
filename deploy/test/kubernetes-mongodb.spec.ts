// MongoDB as deployed, in the base and in production: an authenticated replica set, initiated by
// the mongodb-init Job with as many members as the StatefulSet has, and the services' user.
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { JsonObject } from './support/json';
import { parseMongoUrl } from './support/mongo-url';
import { containerNamed, envSources } from './support/pod-env';
import {
  findResource,
  renderBase,
  renderProduction,
  secretValue,
} from './support/rendered-manifests';
import { databasesOf, loadServicesFile } from './support/services-contract';

const contract = loadServicesFile();
const renderings: Array<[string, JsonObject[]]> = [
  ['base', renderBase()],
  ['production', renderProduction()],
];

describe.each(renderings)('%s: MongoDB', (rendering, resources) => {
  const statefulSet = findResource(resources, 'StatefulSet', 'mongodb') as unknown as IStatefulSet;
  const job = findResource(resources, 'Job', 'mongodb-init') as unknown as IJob;
  const jobEnv = envSources(containerNamed(job, 'init-replica-set'), resources);
  const mongoSecret = (key: string): string | undefined =>
    secretValue(resources, 'openlines-mongodb', key);

  it('is a replica set with a key file, persistent storage and a headless Service', () => {
    const args = containerNamed(statefulSet, 'mongodb').args ?? [];
    expect(args.join(' ')).toMatch(/^mongod --replSet rs0 .*--keyFile \/key\/key/);
    expect(statefulSet.spec?.volumeClaimTemplates?.map((claim) => claim.metadata?.name)).toEqual([
      'data',
    ]);
    expect(findResource(resources, 'Service', 'mongodb')).toMatchObject({
      spec: { clusterIP: 'None' },
    });
    expect(statefulSet.spec?.replicas).toBe(rendering === 'production' ? 3 : 1);
  });

  it("is initiated with as many members as the StatefulSet has, and the services' databases", () => {
    expect(jobEnv.get('MONGO_REPLICAS')).toEqual({
      from: 'value',
      value: String(statefulSet.spec?.replicas),
    });
    const databases = databasesOf(contract.services).sort();
    const configured = jobEnv.get('OPENLINES_DATABASES');
    expect(configured?.from === 'value' ? configured.value.split(',').sort() : configured).toEqual(
      databases,
    );
  });

  it('gives the services a user whose name and password the init Job creates', () => {
    for (const service of contract.services.filter((s) => s.database !== null)) {
      const url = parseMongoUrl(
        secretValue(resources, 'openlines-secrets', `MONGO_URL_${service.name.toUpperCase()}`) ??
          '',
      );
      expect(url.username).toBe(mongoSecret('MONGO_APP_USERNAME'));
      expect(url.password).toBe(mongoSecret('MONGO_APP_PASSWORD'));
      expect(url.options.get('authSource')).toBe('admin');
    }
    for (const key of ['MONGO_ROOT_USERNAME', 'MONGO_ROOT_PASSWORD', 'MONGO_REPLICA_SET_KEY']) {
      expect(mongoSecret(key)).toBeTruthy();
    }
    expect(mongoSecret('MONGO_REPLICA_SET_KEY')).toMatch(/^[A-Za-z0-9+/=]{6,1024}$/);
  });
});
