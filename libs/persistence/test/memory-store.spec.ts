import { MemoryStoreFactory } from '../src';
import { describeDocumentStoreContract } from './document-store.contract';

const factory = new MemoryStoreFactory();

describeDocumentStoreContract('MemoryStore', (name, definition) =>
  factory.createStore(name, definition),
);
