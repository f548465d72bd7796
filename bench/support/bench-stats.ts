import { cpus, loadavg } from 'node:os';

/** Small statistics and printing helpers shared by the whole-system benches. */

/** The value below which `q` (0–1) of the samples lie (nearest rank); NaN when there are none. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);

/** Runs `measure` `times` times in a row and returns every result (for medians of each field). */
export async function repeat<T>(
  times: number,
  measure: (trial: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (let trial = 0; trial < times; trial += 1) results.push(await measure(trial));
  return results;
}

export const int = (n: number): string =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '-';
export const ms = (n: number): string =>
  Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : '-';
export const mib = (bytes: number): string =>
  `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MiB`;

/** A plain-text table: a header row, a rule, then the rows; columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The machine's load averages (1, 5, 15 min) as `uptime` prints them: what else was running. */
export function loadAverage(): string {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')} on ${cpus().length} cores`;
}
