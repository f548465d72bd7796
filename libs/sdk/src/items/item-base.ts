import { changedWritableFields, snapshot, WritableFields } from './writable-diff';
import { SdkContext } from '../client/sdk-context';

/** Namespace of every OpenLines item, as `XxxItemRef.namespace` [doc] reports it. */
export const LINES_NAMESPACE = 'lines';

/**
 * `XxxItem` of the spec: the reference (`id`, `namespace`, `code`) with its `data`. A script may
 * edit `data` and call `save()`; the baseline remembers what was read, to send only changes.
 */
export abstract class ItemBase<D extends { __id: string }> {
  readonly namespace = LINES_NAMESPACE;
  abstract readonly code: string;
  readonly id: string;
  data: D;
  private baseline: D;

  constructor(
    protected readonly ctx: SdkContext,
    data: D,
  ) {
    this.id = data.__id;
    this.data = data;
    this.baseline = snapshot(data);
  }

  /** Takes the service's view of the item after a read or a change. */
  protected replace(data: D): this {
    this.data = data;
    this.baseline = snapshot(data);
    return this;
  }

  /** The data as last read from the service. */
  protected get original(): Readonly<D> {
    return this.baseline;
  }

  protected changedFields(fields: WritableFields): Record<string, unknown> {
    return changedWritableFields(
      this.baseline as Record<string, unknown>,
      this.data as Record<string, unknown>,
      fields,
    );
  }

  /** The fields' current values, for JSON.stringify(item) and logs. */
  toJSON(): { id: string; namespace: string; code: string; data: D } {
    return { id: this.id, namespace: this.namespace, code: this.code, data: this.data };
  }
}
