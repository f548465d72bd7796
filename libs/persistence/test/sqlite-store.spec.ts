import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStoreFactory } from '../src';
import { describeDocumentStoreContract } from './document-store.contract';

const dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-sqlite-contract-'));
const factory = new SqliteStoreFactory({ file: path.join(dir, 'contract.sqlite') });

afterAll(async () => {
  await factory.close();
  rmSync(dir, { recursive: true, force: true });
});

describeDocumentStoreContract('SqliteStore', (name, definition) =>
  factory.createStore(name, definition),
);
