/** A query that read every document of a collection: no id and no declared index narrowed it. */
export interface ScanReport {
  readonly collection: string;
  /** The store operation (`find`, `count`, `updateMany`, `aggregate`, `$lookup`…). */
  readonly operation: string;
  /** The field names the filter mentions (sorted); empty for `{}`. */
  readonly fields: readonly string[];
}

/** `allow`: scans run (and are reported); `throw`: a scan fails with FullScanError instead. */
export type ScanPolicy = 'allow' | 'throw';

/** Options of the embedded adapters' factories about full scans. */
export interface ScanOptions {
  /** Called for every full scan (before it runs, or before it throws under `throw`). */
  onScan?: (scan: ScanReport) => void;
  /** Default: `throw` when OPENLINES_STORE_SCANS=throw, else `allow`. */
  scans?: ScanPolicy;
}

export const SCAN_POLICY_ENV = 'OPENLINES_STORE_SCANS';

/** What a query that would scan throws under the `throw` policy (a programming error, not a domain one). */
export class FullScanError extends Error {
  constructor(readonly scan: ScanReport) {
    super(
      `${scan.operation} on ${scan.collection} would scan every document (filter fields: ${
        scan.fields.join(', ') || 'none'
      }): declare an index whose leading fields the filter sets by equality`,
    );
    this.name = 'FullScanError';
  }
}

/** Reports full scans to the factory's callback and applies its policy. */
export class ScanObserver {
  private readonly policy: ScanPolicy;

  constructor(
    private readonly options: ScanOptions = {},
    env: Readonly<Record<string, string | undefined>> = process.env,
  ) {
    this.policy = options.scans ?? (env[SCAN_POLICY_ENV] === 'throw' ? 'throw' : 'allow');
  }

  scanned(scan: ScanReport): void {
    this.options.onScan?.(scan);
    if (this.policy === 'throw') throw new FullScanError(scan);
  }
}
