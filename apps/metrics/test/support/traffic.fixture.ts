import { LineMetricType as T } from '@openlines/contracts';
import { lineTargetEvent } from './line-events.fixture';
import { SessionEvents, StreamEvent } from './session-events.fixture';
import { STORIES, StoryWriter, writeStory } from './traffic-stories.fixture';

/**
 * Generated traffic with known timings. Each session follows one "story" whose timings are drawn
 * at random (seeded); the samples a story must produce are written down from those timings
 * directly — the spec's definitions applied by hand, not the projection's fold — so they are an
 * independent reference.
 */
export interface ExpectedSample {
  type: T;
  line: string;
  channel: string;
  operator?: string;
  at: number;
  /** 1 for counters, ms for time metrics. */
  value: number;
}

export interface Traffic {
  events: StreamEvent[];
  samples: ExpectedSample[];
  /** Reply target in force per line over time: [fromMs, seconds][] ascending. */
  targets: Map<string, [number, number][]>;
  lines: string[];
  start: number;
  end: number;
}

export interface TrafficOptions {
  sessions: number;
  seed: number;
  /** Unique per spec: line ids are `<prefix>-L<n>`. */
  prefix: string;
  start: number;
  lines?: number;
  operators?: number;
  channels?: number;
  /** Sessions start spread over this many hours. */
  hours?: number;
}

/** A small seeded generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateTraffic(o: TrafficOptions): Traffic {
  const rnd = random(o.seed);
  const pick = <X>(list: readonly X[]): X => list[Math.floor(rnd() * list.length)] as X;
  const lines = Array.from({ length: o.lines ?? 3 }, (_, i) => `${o.prefix}-L${i}`);
  const operators = Array.from({ length: o.operators ?? 8 }, (_, i) => `${o.prefix}-op${i}`);
  const channels = Array.from({ length: o.channels ?? 4 }, (_, i) => `${o.prefix}-C${i}`);
  const hours = o.hours ?? 30;
  const traffic: Traffic = {
    events: [],
    samples: [],
    targets: new Map(),
    lines,
    start: o.start,
    end: o.start,
  };
  // Line 0 has a target from the start and a stricter one half-way; line 1 one target; the rest the default.
  const mid = o.start + (hours / 2) * 3_600_000;
  traffic.events.push(lineTargetEvent(lines[0]!, o.start - 60_000, 45, null, `${o.prefix}-t0`));
  traffic.events.push(lineTargetEvent(lines[0]!, mid, 20, 45, `${o.prefix}-t1`));
  traffic.targets.set(lines[0]!, [
    [o.start - 60_000, 45],
    [mid, 20],
  ]);
  if (lines[1] !== undefined) {
    traffic.events.push(lineTargetEvent(lines[1], o.start - 60_000, 90, null, `${o.prefix}-t2`));
    traffic.targets.set(lines[1], [[o.start - 60_000, 90]]);
  }
  for (let i = 0; i < o.sessions; i++) {
    const line = pick(lines);
    const channel = pick(channels);
    const [a, b] = [pick(operators), pick(operators)];
    const base = o.start + Math.floor(rnd() * hours * 3_600_000);
    const ms = (min: number, max: number) => Math.floor(min * 1000 + rnd() * (max - min) * 1000);
    const story = pick(STORIES);
    const writer = new StoryWriter(
      new SessionEvents(`${o.prefix}-S${i}`, line, channel, base),
      traffic.samples,
    );
    writeStory(
      story,
      writer,
      a,
      b === a ? operators[(operators.indexOf(a) + 1) % operators.length]! : b,
      ms,
    );
    traffic.events.push(...writer.session.events);
    traffic.end = Math.max(traffic.end, writer.last);
  }
  return traffic;
}
