import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { CollectionDefinition, DocumentStore } from '../../src';

/** Creates a fresh, empty collection of the adapter under test. */
export type MakeStore = <T extends object>(
  collectionName: string,
  definition?: CollectionDefinition,
) => DocumentStore<T>;

/** A session-like document, the shape services store most. */
export interface SessionDoc {
  __id?: string;
  __name?: string;
  __createdAt?: string;
  __deletedAt?: string | null;
  _version?: number;
  _state?: string;
  _line?: string;
  _clients?: string[];
  _priority?: number;
  _userId?: string;
  _tags?: string[];
  _meta?: { source?: string; hops?: number };
}

/** A client-like document with the (channel, account) unique key of find-or-create. */
export interface ClientDoc {
  __id?: string;
  _version?: number;
  _channel: string;
  _username: string;
  __name?: string;
}

export const SESSIONS: CollectionDefinition = { versionField: '_version' };
export const CLIENTS: CollectionDefinition = {
  versionField: '_version',
  indexes: [{ fields: { _channel: 1, _username: 1 }, unique: true }],
};

let collections = 0;
/** A collection name no other test uses, so tests never see each other's documents. */
export function freshName(prefix: string): string {
  collections += 1;
  return `${prefix}_${process.pid}_${collections}`;
}

/** The OpenLinesError a promise rejects with; fails the test when it resolves or throws another. */
export async function rejectionOf(promise: Promise<unknown>): Promise<OpenLinesError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenLinesError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail');
}

export async function expectCode(
  promise: Promise<unknown>,
  code: ErrorCode,
): Promise<OpenLinesError> {
  const error = await rejectionOf(promise);
  expect(error.code).toBe(code);
  return error;
}

export function sessions(): SessionDoc[] {
  return [
    {
      __id: 's1',
      __name: 'Ann',
      _state: 'Waiting',
      _line: 'l1',
      _clients: ['c1'],
      _priority: 2,
      __createdAt: '2024-01-01T10:00:00.000Z',
    },
    {
      __id: 's2',
      __name: 'Bob',
      _state: 'Closed',
      _line: 'l1',
      _clients: ['c1', 'c2'],
      _priority: 1,
      __createdAt: '2024-01-02T10:00:00.000Z',
    },
    {
      __id: 's3',
      __name: 'Cid',
      _state: 'AssignedToOperator',
      _line: 'l2',
      _clients: ['c2'],
      _priority: 3,
      __createdAt: '2024-01-03T10:00:00.000Z',
      __deletedAt: '2024-02-01T00:00:00.000Z',
    },
    {
      __id: 's4',
      __name: 'Dee',
      _state: 'Waiting',
      _line: 'l2',
      _clients: [],
      _priority: 2,
      __createdAt: '2024-01-04T10:00:00.000Z',
      _meta: { source: 'web', hops: 1 },
    },
  ];
}

/** How one of several concurrent operations ended: its value, or the code of its OpenLinesError. */
export interface Outcome<T> {
  value?: T;
  code?: ErrorCode;
}

export function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => {
      if (error instanceof OpenLinesError) return { code: error.code };
      throw error;
    },
  );
}
