// bench/ is not an Nx project, so the boundary rule cannot place it; this spec exists to run
// the benchmark (tiny) in CI so that it keeps working.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { run } from '../../../bench/query.bench';

describe('bench/query.bench.ts', () => {
  it('prints compile throughput, load time and memory, and every query with its result size', async () => {
    const lines: string[] = [];
    const write = (line: string) => void lines.push(line);
    await run({ documents: 2_000, compileIterations: 200, runsPerQuery: 1, write });
    expect(lines[0]).toMatch(/^compile a typical filter .*: [\d,]+ ops\/s \([\d.]+ µs each\)$/);
    expect(lines[1]).toMatch(
      /^load 2,000 session documents into MemoryStore: \d+ ms; heap [+-][\d.]+ MB \(heap [\d.]+ MB, rss [\d.]+ MB\)$/,
    );
    const queries = lines.filter((line) => line.startsWith('query '));
    expect(queries).toHaveLength(6);
    queries.forEach((line) => expect(line).toMatch(/: [\d.]+ ms\/query, \d+ items$/));
    // The generated data is deterministic and the queries are typical ones: each finds something.
    queries.forEach((line) => expect(line).not.toMatch(/, 0 items$/));
    expect(lines.find((line) => line.startsWith('query by id'))).toMatch(/, 1 items$/);
    expect(lines[lines.length - 1]).toMatch(
      /^count with the typical filter: [\d.]+ ms, [1-9]\d* of 2,000$/,
    );
  });
});
