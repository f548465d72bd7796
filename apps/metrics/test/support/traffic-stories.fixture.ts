import { LineMetricType as T, LineSessionState as S } from '@openlines/contracts';
import { SessionEvents } from './session-events.fixture';
import type { ExpectedSample } from './traffic.fixture';

/**
 * The stories generated sessions follow, each with the samples it must yield written down by
 * hand from its timings (spec §8 applied directly, independently of the projection's fold).
 */
export const STORIES = [
  'plain',
  'plain',
  'plain',
  'abandoned',
  'bot',
  'bot',
  'reassign',
  'requeue',
  'spam',
  'unspam',
  'blocked',
] as const;
export type Story = (typeof STORIES)[number];

/** Emits events (times in ms after the session's base) and records the samples they must yield. */
export class StoryWriter {
  last = 0;
  constructor(
    readonly session: SessionEvents,
    private readonly samples: ExpectedSample[],
  ) {}

  t(msAfter: number): number {
    this.last = Math.max(this.last, this.session.base + msAfter);
    return msAfter / 1000;
  }

  expect(type: T, msAfter: number, value: number, operator?: string): void {
    const sample: ExpectedSample = {
      type,
      line: this.session.lineId,
      channel: this.session.channelId,
      at: this.session.base + msAfter,
      value,
    };
    if (operator !== undefined) sample.operator = operator;
    this.samples.push(sample);
  }
}

export function writeStory(
  story: Story,
  w: StoryWriter,
  a: string,
  b: string,
  ms: (min: number, max: number) => number,
): void {
  const s = w.session;
  if (story === 'blocked') {
    s.created(w.t(0), S.MarkedAsSpam)
      .client(w.t(0))
      .client(w.t(ms(1, 30)));
    return;
  }
  if (story === 'bot') {
    const first = ms(1, 20);
    const handoff = first + ms(5, 120);
    const assigned = handoff + ms(1, 300);
    const reply = assigned + ms(1, 90);
    const close = reply + ms(10, 600);
    s.created(w.t(0), S.AssignedToBot, { botId: 'bot' })
      .client(w.t(first))
      .bot(w.t(first + 500));
    s.change(w.t(handoff), { state: S.Waiting, botId: null }).change(w.t(assigned), {
      state: S.AssignedToOperator,
      userId: a,
    });
    s.operator(w.t(reply), a).change(w.t(close), { state: S.Closed });
    w.expect(T.sessionsCreated, 0, 1);
    w.expect(T.botSessions, 0, 1);
    w.expect(T.messagesIn, first, 1);
    w.expect(T.waitingTime, assigned, assigned - handoff, a);
    w.expect(T.messagesOut, reply, 1, a);
    w.expect(T.firstResponseTime, reply, reply - handoff, a);
    w.expect(T.responseTime, reply, reply - first, a);
    closeExpect(w, close, assigned, a, true);
    return;
  }
  // Every other story opens with the client's message into the queue and an operator taking it.
  const assigned = ms(1, 600);
  s.created(w.t(0), S.Waiting)
    .client(w.t(0))
    .change(w.t(assigned), { state: S.AssignedToOperator, userId: a });
  const opened: [T, number, number, string?][] = [
    [T.sessionsCreated, 0, 1],
    [T.messagesIn, 0, 1],
    [T.waitingTime, assigned, assigned, a],
  ];
  if (story === 'abandoned') {
    const close = assigned + ms(5, 300);
    s.change(w.t(close), { state: S.Closed });
    for (const [type, at, value, op] of opened) w.expect(type, at, value, op);
    closeExpect(w, close, assigned, a, false);
    return;
  }
  // A first reply, then a run of two client messages.
  const reply = assigned + ms(1, 120);
  const run = reply + ms(5, 200);
  const run2 = run + ms(0.5, 1);
  s.operator(w.t(reply), a).client(w.t(run)).client(w.t(run2));
  const samples: [T, number, number, string?][] = [
    ...opened,
    [T.messagesOut, reply, 1, a],
    [T.firstResponseTime, reply, reply, a],
    [T.responseTime, reply, reply, a],
    [T.messagesIn, run, 1, a],
    [T.messagesIn, run2, 1, a],
  ];
  const next = run2 + ms(3, 6);
  if (story === 'spam') {
    // Only the spam count remains.
    s.change(w.t(next), { state: S.MarkedAsSpam });
    w.expect(T.sessionsMarkedAsSpam, next, 1, a);
    return;
  }
  let closer = a;
  let closerAssigned = assigned;
  let answer = run2 + ms(1, 150);
  let runStart = run;
  if (story === 'reassign') {
    s.change(w.t(next), { userId: b });
    samples.push([T.reassignments, next, 1, a]);
    [closer, closerAssigned, answer] = [b, next, next + ms(1, 60)];
  } else if (story === 'requeue') {
    const taken = next + ms(1, 400);
    s.change(w.t(next), { state: S.Waiting, userId: null }).change(w.t(taken), {
      state: S.AssignedToOperator,
      userId: b,
    });
    samples.push([T.reassignments, next, 1, a], [T.waitingTime, taken, taken - next, b]);
    [closer, closerAssigned, answer] = [b, taken, taken + ms(1, 60)];
  } else if (story === 'unspam') {
    // Back with the same operator: a new care cycle, and the unanswered run restarts then.
    const back = next + ms(10, 500);
    s.change(w.t(next), { state: S.MarkedAsSpam }).change(w.t(back), {
      state: S.AssignedToOperator,
    });
    [closerAssigned, answer, runStart] = [back, back + ms(1, 60), back];
    samples.push([T.firstResponseTime, answer, answer - back, a]);
  }
  const close = answer + ms(10, 300);
  s.operator(w.t(answer), closer).change(w.t(close), { state: S.Closed });
  samples.push(
    [T.messagesOut, answer, 1, closer],
    [T.responseTime, answer, answer - runStart, closer],
  );
  for (const [type, at, value, op] of samples) w.expect(type, at, value, op);
  closeExpect(w, close, closerAssigned, closer, true);
}

function closeExpect(
  w: StoryWriter,
  close: number,
  assignedAt: number,
  op: string,
  replied: boolean,
): void {
  w.expect(T.sessionsClosed, close, 1, op);
  w.expect(T.sessionDuration, close, close, op);
  w.expect(T.handlingTime, close, close - assignedAt, op);
  if (!replied) w.expect(T.sessionsAbandoned, close, 1, op);
}
