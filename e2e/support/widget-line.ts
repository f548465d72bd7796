import { LineChannelType, LinesClient, OperatorStatusType } from '@openlines/sdk';

export interface WidgetLine {
  lineId: string;
  channelId: string;
  /** The live chat channel's public key: the webhook's path. */
  publicKey: string;
}

export interface WidgetLineSpec {
  name: string;
  distribution: 'manual' | 'auto';
  capacity: number;
  /** Operators made members of the line's operator group, online. */
  operators: readonly string[];
}

/** A line with a live chat channel (the widget) and its operators online. */
export async function createWidgetLine(
  lines: LinesClient,
  spec: WidgetLineSpec,
): Promise<WidgetLine> {
  const group = `${spec.name.replace(/\W+/g, '-')}-operators`;
  const line = await lines.lines.create({
    __name: spec.name,
    _operatorGroups: [group],
    _distribution: spec.distribution,
    _operatorCapacity: spec.capacity,
  });
  const publicKey = `widget-${line.id}`;
  const channel = await lines.channels.create({
    __name: `${spec.name} widget`,
    _line: line.id,
    _type: LineChannelType.livechat,
    _settings: { publicKey },
  });
  for (const operatorId of spec.operators) {
    await lines.operators.upsert(operatorId, [group], operatorId);
    await lines.operators.setStatus(operatorId, OperatorStatusType.online);
  }
  return { lineId: line.id, channelId: channel.id, publicKey };
}
