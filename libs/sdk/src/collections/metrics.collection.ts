import {
  LineMetricData,
  LinesRpc,
  MAX_PAGE_SIZE,
  OperatorData,
  OperatorStatusType,
  RpcReply,
  RpcRequest,
} from '@openlines/contracts';
import { Search } from '@openlines/query';
import { SdkContext } from '../client/sdk-context';
import { LineMetricItem } from '../items/metric.item';
import { LineOperatorItem } from '../items/operator.item';
import { refId } from '../refs/ref-id';
import { searchOver } from './searchable';

/** `LineMetrics` [ours]: metric items and reports over them. */
export class LineMetrics {
  constructor(private readonly ctx: SdkContext) {}

  search(): Search<LineMetricItem, LineMetricData> {
    return searchOver(
      (request) => this.ctx.call(LinesRpc.metrics.search, request),
      (request) => this.ctx.call(LinesRpc.metrics.count, request),
      (data) => new LineMetricItem(this.ctx, data),
    );
  }

  /** Totals and a time series over [from, to) (spam sessions left out). */
  report(
    request: RpcRequest<typeof LinesRpc.metrics.report>,
  ): Promise<RpcReply<typeof LinesRpc.metrics.report>> {
    return this.ctx.call(LinesRpc.metrics.report, request);
  }

  /**
   * Starts recomputing the metric items from the event stream (all lines, or one); answers at
   * once with the rebuild's id and state `running` (CONFLICT while another one runs).
   */
  rebuild(lineId?: string): Promise<RpcReply<typeof LinesRpc.metrics.rebuild>> {
    return this.ctx.call(LinesRpc.metrics.rebuild, lineId === undefined ? {} : { lineId });
  }

  /** A rebuild's state (`running`, `done`, `failed`) and counts; no id: the latest rebuild. */
  rebuildStatus(rebuildId?: string): Promise<RpcReply<typeof LinesRpc.metrics.rebuildStatus>> {
    return this.ctx.call(
      LinesRpc.metrics.rebuildStatus,
      rebuildId === undefined ? {} : { rebuildId },
    );
  }
}

/** The operator directory: who answers (by group) and who is online. */
export class LineOperators {
  constructor(private readonly ctx: SdkContext) {}

  /** `count()` pages through the search, as the directory offers no count of its own. */
  search(): Search<LineOperatorItem, OperatorData> {
    return searchOver(
      (request) => this.ctx.call(LinesRpc.operators.search, request),
      async (request) => {
        let count = 0;
        for (let from = 0; ; from += MAX_PAGE_SIZE) {
          const page = await this.ctx.call(LinesRpc.operators.search, {
            ...request,
            from,
            size: MAX_PAGE_SIZE,
          });
          count += page.items.length;
          if (page.items.length < MAX_PAGE_SIZE) return { count };
        }
      },
      (data) => new LineOperatorItem(this.ctx, data),
    );
  }

  async get(operator: unknown): Promise<LineOperatorItem> {
    return new LineOperatorItem(
      this.ctx,
      await this.ctx.call(LinesRpc.operators.get, { id: refId(operator, 'operator') }),
    );
  }

  /** Creates or replaces an operator's name and groups; a new operator starts offline. */
  async upsert(operator: unknown, groups: unknown[], name?: string): Promise<LineOperatorItem> {
    const request = {
      operatorId: refId(operator, 'operator'),
      groups: groups.map((group) => refId(group, 'group')),
      ...(name === undefined ? {} : { name }),
    };
    return new LineOperatorItem(this.ctx, await this.ctx.call(LinesRpc.operators.upsert, request));
  }

  async setStatus(
    operator: unknown,
    status: OperatorStatusType | `${OperatorStatusType}`,
  ): Promise<LineOperatorItem> {
    const request = {
      operatorId: refId(operator, 'operator'),
      status: status as OperatorStatusType,
    };
    return new LineOperatorItem(
      this.ctx,
      await this.ctx.call(LinesRpc.operators.setStatus, request),
    );
  }
}
