import { MongoStoreFactory } from '../src';
import { describeDocumentStoreContract } from './document-store.contract';

// Runs only against a real MongoDB (no server exists on CI machines): MONGO_URL=mongodb://… npm test.
const url = process.env.MONGO_URL;
let factory: MongoStoreFactory | undefined;

if (url !== undefined && url !== '') {
  beforeAll(async () => {
    factory = new MongoStoreFactory(url, { dbName: `openlines_contract_${process.pid}` });
    await factory.ping();
  });
  afterAll(async () => {
    await factory?.dropDatabase();
    await factory?.close();
  });
}

function connected(): MongoStoreFactory {
  if (factory === undefined) throw new Error('MongoStoreFactory is not connected');
  return factory;
}

describeDocumentStoreContract(
  'MongoStore',
  (name, definition) => connected().createStore(name, definition),
  {
    ...(url ? {} : { skipReason: 'MONGO_URL not set' }),
  },
);
