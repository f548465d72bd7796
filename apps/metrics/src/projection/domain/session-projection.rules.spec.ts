import { LineSessionState as S } from '@openlines/contracts';
import { figures, project, SessionScript } from '../../../test/support/session-script.fixture';

function spamSession(): SessionScript {
  return new SessionScript()
    .created(0, S.Waiting)
    .client(0)
    .assign(10, 'A')
    .operator(20, 'A')
    .changed(30, { state: S.MarkedAsSpam });
}

describe('session projection: spam, blocked clients, reopening', () => {
  it('marking as spam withdraws every other figure; the session counts only as spam', () => {
    expect(figures(project(spamSession()))).toEqual({ sessionsMarkedAsSpam: ['1@A'] });
  });

  it('un-spam brings the figures back, withdraws the spam count and starts a new care cycle', () => {
    const s = spamSession()
      .client(35)
      .changed(60, { state: S.AssignedToOperator })
      .operator(70, 'A')
      .close(100);
    expect(figures(project(s))).toEqual({
      sessionsCreated: ['1'],
      sessionsClosed: ['1@A'],
      messagesIn: ['1', '1'],
      messagesOut: ['1@A', '1@A'],
      waitingTime: ['10@A'],
      // one cycle from the first message, one from the un-spam
      firstResponseTime: ['10@A', '20@A'],
      // the client wrote while spam: that run starts when the operator sees it again (60)
      responseTime: ['10@A', '20@A'],
      handlingTime: ['40@A'],
      sessionDuration: ['100@A'],
    });
  });

  it('marked as spam again after an un-spam: counted as spam once, at the last marking', () => {
    const s = spamSession()
      .changed(60, { state: S.AssignedToOperator })
      .changed(80, { state: S.MarkedAsSpam });
    const contributions = project(s);
    expect(figures(contributions)).toEqual({ sessionsMarkedAsSpam: ['1@A'] });
    expect(contributions[0]?.at).toBe(s.facts[s.facts.length - 1]?.at);
  });

  it('a session opened as spam for a blocked client never counts, even after an un-spam', () => {
    const s = new SessionScript()
      .created(0, S.MarkedAsSpam)
      .client(0)
      .changed(30, { state: S.Waiting })
      .assign(40, 'A')
      .operator(45, 'A')
      .close(50);
    expect(project(s)).toEqual([]);
  });

  it('a session marked as spam because its client is blocked never counts', () => {
    const s = new SessionScript()
      .created(0, S.Waiting)
      .client(0)
      .changed(0, { state: S.MarkedAsSpam, blockedClient: true })
      .changed(30, { state: S.Waiting })
      .close(50);
    expect(project(s)).toEqual([]);
  });

  it('a reopened session is closed once, and gets no new care cycle', () => {
    const s = new SessionScript()
      .created(0, S.Waiting)
      .client(0)
      .assign(10, 'A')
      .operator(15, 'A')
      .close(50)
      .changed(60, { state: S.Waiting, userId: null })
      .client(60)
      .assign(70, 'B')
      .operator(75, 'B')
      .close(90);
    const f = figures(project(s));
    expect(f.sessionsClosed).toEqual(['1@B']);
    expect(f.sessionDuration).toEqual(['90@B']);
    expect(f.handlingTime).toEqual(['20@B']);
    expect(f.waitingTime).toEqual(['10@A', '10@B']);
    expect(f.firstResponseTime).toEqual(['15@A']);
    expect(f.responseTime).toEqual(['15@A', '15@B']);
  });
});
