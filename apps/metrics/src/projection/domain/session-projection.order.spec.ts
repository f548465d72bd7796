import { LineSessionState as S } from '@openlines/contracts';
import { figures, project, SessionScript } from '../../../test/support/session-script.fixture';
import { applyFact, emptyProjection } from './session-projection.rules';

function spamSession(): SessionScript {
  return new SessionScript()
    .created(0, S.Waiting)
    .client(0)
    .assign(10, 'A')
    .operator(20, 'A')
    .changed(30, { state: S.MarkedAsSpam });
}

/** A deterministic shuffle (xorshift) so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = Math.abs(x) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('session projection: idempotent and independent of arrival order', () => {
  const scripts: [string, () => SessionScript][] = [
    [
      'spam and un-spam',
      () =>
        spamSession()
          .client(35)
          .changed(60, { state: S.AssignedToOperator })
          .operator(70, 'A')
          .close(100),
    ],
    [
      'bot handoff and reassignment',
      () =>
        new SessionScript()
          .created(0, S.AssignedToBot, { botId: 'bot' })
          .client(1)
          .changed(20, { state: S.Waiting, botId: null })
          .assign(30, 'A')
          .operator(40, 'A')
          .changed(45, { userId: 'B' })
          .reassigned(45, { from: 'A', to: 'B' })
          .client(50)
          .client(52)
          .operator(60, 'B')
          .close(70),
    ],
  ];

  it.each(scripts)('%s: every arrival order gives the in-order figures', (_name, make) => {
    const expected = figures(project(make()));
    for (let seed = 1; seed <= 40; seed++) {
      const s = make();
      expect(figures(project(s, shuffled(s.facts, seed * 7919)))).toEqual(expected);
    }
  });

  it.each(scripts)('%s: every event delivered twice changes nothing', (_name, make) => {
    const s = make();
    const twice = s.facts.flatMap((fact, i) => (i % 2 === 0 ? [fact, fact] : [fact]));
    expect(figures(project(s, [...twice, ...s.facts]))).toEqual(figures(project(make())));
  });

  it('folds an in-order fact onto the stored state and replays the session for a late one', () => {
    const s = new SessionScript().created(0, S.Waiting).client(0).assign(10, 'A');
    const [created, message, assigned] = s.facts;
    let projection = emptyProjection(s.sessionId);
    const place = { lineId: 'L1', channelId: 'C1' };
    for (const fact of [created, assigned]) {
      const result = applyFact(projection, fact!, place);
      if (result.duplicate) throw new Error('unexpected duplicate');
      expect(result.replayed).toBe(false);
      projection = result.projection;
    }
    const late = applyFact(projection, message!, place);
    expect(late.duplicate).toBe(false);
    if (!late.duplicate) expect(late.replayed).toBe(true);
    expect(applyFact(projection, created!, place)).toEqual({ duplicate: true });
  });
});
