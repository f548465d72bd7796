import {
  FilterNode,
  LineSessionPriority,
  LineSessionState,
  SearchRequest,
} from '@openlines/contracts';
import { MemoryStore } from '@openlines/persistence';
import {
  FieldOperands,
  FilterGroups,
  Search,
  compileSearchRequest,
  defineEntityFields,
  search,
} from '@openlines/query';

/**
 * The search language's costs: compiling a typical filter (validation included), then typical
 * queries on MemoryStore (the embedded mode's store, a linear scan) over many session documents,
 * and the memory those take. `npm run bench -- query`; run node with --expose-gc for exact memory.
 */
export interface QueryBenchOptions {
  documents?: number;
  compileIterations?: number;
  runsPerQuery?: number;
  write?: (text: string) => void;
}

const SESSION_FIELDS = defineEntityFields({
  _state: { type: 'enum', values: Object.values(LineSessionState) },
  _priority: { type: 'enum', values: Object.values(LineSessionPriority) },
  _line: { type: 'ref' },
  _channel: { type: 'ref' },
  _clients: { type: 'refArray' },
  _userId: { type: 'ref' },
  _lastActivityAt: { type: 'date' },
});
const STATES = Object.values(LineSessionState);
const PRIORITIES = Object.values(LineSessionPriority);
const NAMES = ['Ann', 'Bob', 'Cid', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal'];

type Where = (f: FieldOperands, g: FilterGroups) => FilterNode;
type Page = (s: Search<unknown>) => Search<unknown>;

/** The request the SDK would send, captured instead of sent. */
function requestOf(where: Where, page: Page = (s) => s): SearchRequest {
  return page(search({ search: async () => [], count: async () => 0 }).where(where)).toRequest();
}

/** Deterministic pseudo-random integers below n (mulberry32), so that runs compare. */
function randomFrom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

function sessionDocuments(count: number): Record<string, unknown>[] {
  const next = randomFrom(42);
  return Array.from({ length: count }, (_, i) => {
    const state = STATES[next(STATES.length)];
    const at = new Date(Date.UTC(2024, 0, 1) + next(90 * 86_400) * 1000).toISOString();
    const doc: Record<string, unknown> = {
      __id: `s-${i}`,
      __name: `${NAMES[next(NAMES.length)]} ${i}`,
      __createdAt: at,
      __createdBy: 'system',
      __updatedAt: at,
      __updatedBy: 'system',
      _apps: [],
      _channel: `ch-${next(20)}`,
      _clients: [`c-${next(Math.max(1, count / 5))}`],
      _line: `line-${next(10)}`,
      _priority: PRIORITIES[next(PRIORITIES.length)],
      _state: state,
      _lastActivityAt: at,
      _version: 1,
    };
    if (next(20) === 0) doc.__deletedAt = at;
    if (state === LineSessionState.AssignedToOperator) doc._userId = `op-${next(200)}`;
    return doc;
  });
}

const TYPICAL = requestOf(
  (f, g) =>
    g.and(
      f.__deletedAt.eq(null),
      f._line.eq('line-3'),
      f._state.in([LineSessionState.Waiting, LineSessionState.AssignedToOperator]),
      f._priority.neq(LineSessionPriority.Low),
      f._lastActivityAt.gte('2024-02-01T00:00:00.000Z'),
    ),
  (s) => s.sort('_lastActivityAt', false).size(50),
);

/** Typical queries; the ids they name exist whatever the document count. */
function typicalQueries(documents: number): [string, SearchRequest][] {
  const { Waiting, Closed } = LineSessionState;
  const client = { id: `c-${Math.floor(documents / 20)}` };
  return [
    [
      'queue of a line, oldest first, page of 20',
      requestOf(
        (f, g) => g.and(f.__deletedAt.eq(null), f._line.eq('line-3'), f._state.eq(Waiting)),
        (s) => s.sort('_lastActivityAt').size(20),
      ),
    ],
    ['typical filter (5 conditions), newest first, page of 50', TYPICAL],
    [
      "an operator's open sessions",
      requestOf(
        (f, g) => g.and(f._userId.eq('op-7'), f._state.neq(Closed)),
        (s) => s.size(100),
      ),
    ],
    ["a client's sessions: _clients.all([client])", requestOf((f) => f._clients.all([client]))],
    ['by id', requestOf((f) => f.__id.eq(`s-${Math.floor(documents / 2)}`))],
    [
      'name like "ann 1", page of 1000',
      requestOf(
        (f) => f.__name.like('ann 1'),
        (s) => s.size(1000),
      ),
    ],
  ];
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export async function run(options: QueryBenchOptions = {}): Promise<void> {
  const { documents = 100_000, compileIterations = 50_000, runsPerQuery = 5 } = options;
  const write = options.write ?? ((text: string) => void process.stdout.write(`${text}\n`));
  const count = documents.toLocaleString('en');

  for (let i = 0; i < Math.min(1_000, compileIterations); i += 1)
    compileSearchRequest(SESSION_FIELDS, TYPICAL);
  let started = performance.now();
  for (let i = 0; i < compileIterations; i += 1) compileSearchRequest(SESSION_FIELDS, TYPICAL);
  const each = (performance.now() - started) / compileIterations;
  const opsPerSecond = Math.round(1000 / each).toLocaleString('en');
  write(
    `compile a typical filter (5 conditions, validated): ${opsPerSecond} ops/s (${(each * 1000).toFixed(1)} µs each)`,
  );

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const store = new MemoryStore<Record<string, unknown>>('sessions', { versionField: '_version' });
  started = performance.now();
  await store.insertMany(sessionDocuments(documents));
  const loadMs = (performance.now() - started).toFixed(0);
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  const grown = heapUsed - heapBefore;
  // Without --expose-gc, collection is up to V8: the difference may even be negative.
  const memory = `heap ${grown < 0 ? '-' : '+'}${mb(Math.abs(grown))} (heap ${mb(heapUsed)}, rss ${mb(rss)})`;
  write(`load ${count} session documents into MemoryStore: ${loadMs} ms; ${memory}`);

  for (const [name, request] of typicalQueries(documents)) {
    let found = 0;
    started = performance.now();
    for (let i = 0; i < runsPerQuery; i += 1) {
      const { filter, sort, skip, limit } = compileSearchRequest(SESSION_FIELDS, request);
      found = (await store.find(filter, { sort, skip, limit })).length;
    }
    const perQuery = ((performance.now() - started) / runsPerQuery).toFixed(2);
    write(`query ${name}: ${perQuery} ms/query, ${found} items`);
  }
  started = performance.now();
  const counted = await store.count(compileSearchRequest(SESSION_FIELDS, TYPICAL).filter);
  write(
    `count with the typical filter: ${(performance.now() - started).toFixed(2)} ms, ${counted} of ${count}`,
  );
}
