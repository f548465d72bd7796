import { LineMetricData } from '@openlines/contracts';
import { ItemBase } from './item-base';

/** `LineMetricItem`: one metric cell (type × line [× operator | channel] × period). */
export class LineMetricItem extends ItemBase<LineMetricData> {
  readonly code = 'metrics';

  /** `_sum / _count`, or undefined when nothing was counted. */
  get average(): number | undefined {
    return this.data._count === 0 ? undefined : this.data._sum / this.data._count;
  }
}
