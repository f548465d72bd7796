import { LineMetricType } from '@openlines/contracts';
import { MetricSample, SessionFoldState } from './session-fold.state';

/**
 * A sample as it counts in the metric items: attributed to the session's line and channel.
 * `id` is unique across sessions (`<sessionId>:<sample id>`).
 */
export interface Contribution extends Omit<MetricSample, 'id'> {
  id: string;
  session: string;
  line: string;
  channel?: string;
}

export interface ContributionDelta {
  added: Contribution[];
  removed: Contribution[];
}

/**
 * Which samples of a session count right now (spec §8): none for a blocked client's session;
 * only `sessionsMarkedAsSpam` while it is spam; everything else otherwise. Withdrawal and
 * return are therefore just differences between two calls of this function.
 */
export function contributionsOf(
  sessionId: string,
  lineId: string | undefined,
  channelId: string | undefined,
  fold: SessionFoldState,
): Contribution[] {
  if (lineId === undefined || fold.blocked) return [];
  const counted = fold.samples.filter((sample) =>
    fold.spam
      ? sample.type === LineMetricType.sessionsMarkedAsSpam
      : sample.type !== LineMetricType.sessionsMarkedAsSpam,
  );
  return counted.map((sample) => {
    const contribution: Contribution = {
      ...sample,
      id: `${sessionId}:${sample.id}`,
      session: sessionId,
      line: lineId,
    };
    if (channelId !== undefined) contribution.channel = channelId;
    return contribution;
  });
}

function identity(c: Contribution): string {
  return JSON.stringify([c.type, c.at, c.value, c.operator ?? null, c.line, c.channel ?? null]);
}

/** What to add to and take from the items to go from `before` to `after` (a changed sample is both). */
export function diffContributions(
  before: readonly Contribution[],
  after: readonly Contribution[],
): ContributionDelta {
  const beforeById = new Map(before.map((c) => [c.id, identity(c)]));
  const afterById = new Map(after.map((c) => [c.id, identity(c)]));
  return {
    added: after.filter((c) => beforeById.get(c.id) !== afterById.get(c.id)),
    removed: before.filter((c) => afterById.get(c.id) !== beforeById.get(c.id)),
  };
}
