import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CollectionDefinition,
  DocumentStore,
  Filter,
  MemoryStoreFactory,
  SqliteStoreFactory,
} from '../src';
import { mingoQuery } from '../src/memory/mingo.options';

/**
 * Indexes only choose candidates: whatever the plan, a query answers exactly what mingo answers
 * on the whole collection (order included). Seeded random documents of awkward shapes (mixed
 * types, arrays, nested arrays, subdocuments, null, missing), random writes, random filters.
 */
type Doc = Record<string, unknown>;
const VALUES: unknown[] = [
  'x',
  'y',
  '1',
  '',
  1,
  2,
  2.5,
  0,
  -1,
  true,
  false,
  null,
  [],
  ['x', 1],
  [[2]],
  { x: 1 },
];
const DEFINITION: CollectionDefinition = {
  indexes: [
    { fields: { a: 1 } },
    { fields: { a: 1, b: 1 }, name: 'a_b' },
    { fields: { 'n.x': 1 }, sparse: true },
    { fields: { b: 1, c: 1 }, sparse: true },
    // Never an array: two bounds on one row.
    { fields: { s: 1 } },
  ],
};

function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

function makeDoc(next: (n: number) => number, i: number): Doc {
  const doc: Doc = { __id: `d${i}` };
  const pick = () => structuredClone(VALUES[next(VALUES.length)]);
  if (next(5) > 0) doc.a = pick();
  if (next(3) > 0) doc.b = pick();
  if (next(2) > 0) doc.c = pick();
  if (next(4) > 0) doc.s = [0, 1, 2, 'x', '1', null][next(6)];
  if (next(3) === 0)
    doc.n = Array.from({ length: next(3) }, () => (next(4) === 0 ? {} : { x: pick() }));
  else if (next(4) === 0) doc.n = { x: pick() };
  return doc;
}

const scalar = (next: (n: number) => number) =>
  VALUES.filter((v) => typeof v !== 'object' || v === null)[next(12)];
const bound = (next: (n: number) => number) => [0, 1, 2, 'x', '1', ''][next(6)];

function makeFilter(next: (n: number) => number): Filter {
  const field = ['a', 'b', 'c', 'n.x', 's', 's'][next(6)];
  const condition = (): Filter => {
    switch (next(7)) {
      case 0:
        return { [field]: scalar(next) };
      case 1:
        return { [field]: { $in: [scalar(next), scalar(next)] } };
      case 2:
        return { [field]: { [['$gt', '$gte', '$lt', '$lte'][next(4)]]: bound(next) } };
      case 3:
        return { [field]: { $ne: scalar(next) } };
      case 4:
        return { [field]: { $all: [scalar(next)] } };
      case 5:
        return { $or: [{ a: scalar(next) }, { b: scalar(next) }] };
      default:
        return { [field]: { $eq: scalar(next), $exists: true } };
    }
  };
  const parts = Array.from({ length: 1 + next(3) }, condition);
  return next(2) === 0 ? { $and: parts } : Object.assign({}, ...parts);
}

async function scramble(store: DocumentStore<Doc>, next: (n: number) => number): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const id = `d${next(300)}`;
    const value = structuredClone(VALUES[next(VALUES.length)]);
    if (next(6) === 0) await store.deleteOne({ __id: id });
    else if (next(3) === 0)
      await store.updateOne({ __id: id }, { $unset: { a: '' }, $set: { b: value } });
    else await store.updateOne({ __id: id }, { $set: { a: value, n: [{ x: value }, {}] } });
  }
}

let scans = 0;
const onScan = (): void => void (scans += 1);

function describeEquivalence(name: string, makeStore: () => DocumentStore<Doc>): void {
  it(`${name}: indexed answers equal mingo on the whole collection, before and after writes`, async () => {
    const next = random(7);
    const store = makeStore();
    scans = 0;
    await store.insertMany(Array.from({ length: 300 }, (_, i) => makeDoc(next, i)));
    for (const round of [0, 1]) {
      if (round === 1) await scramble(store, next);
      const all = await store.find({});
      for (let i = 0; i < 250; i += 1) {
        const filter = makeFilter(next);
        const expected = mingoQuery(filter).find<Doc>(all).all();
        expect({ filter: JSON.stringify(filter), found: await store.find(filter) }).toEqual({
          filter: JSON.stringify(filter),
          found: expected,
        });
        expect(await store.count(filter)).toBe(expected.length);
      }
    }
    // Most of the 1,000 queries went through an index ($or, $ne and the like scan, as they should).
    expect(scans).toBeLessThan(650);
  });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-equivalence-'));
const sqlite = new SqliteStoreFactory({ file: path.join(dir, 'equivalence.sqlite'), onScan });
afterAll(async () => {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

describeEquivalence('MemoryStore', () =>
  new MemoryStoreFactory({ onScan }).createStore<Doc>('equivalence', DEFINITION),
);
describeEquivalence('SqliteStore', () => sqlite.createStore<Doc>('equivalence', DEFINITION));
