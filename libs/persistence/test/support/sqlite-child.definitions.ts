import { CollectionDefinition } from '../../src';

/** The collections the SQLite specs and their child processes share. */
export const OPS: CollectionDefinition = { indexes: [{ fields: { key: 1 }, unique: true }] };
export const COUNTER: CollectionDefinition = { versionField: '_version' };
export const KEYS: CollectionDefinition = { indexes: [{ fields: { key: 1 }, unique: true }] };
export const CONTEND_ROUNDS = 150;
