import { LineSessionState as S } from '@openlines/contracts';
import { figures, project, SessionScript } from '../../../test/support/session-script.fixture';

/**
 * Golden event sequences, one per rule of spec §8. Times are seconds after the session opens;
 * `30@A` reads "30 seconds (or one occurrence) credited to operator A".
 */
describe('session fold: golden sequences of spec §8', () => {
  it('a plain session: waiting, first response, response runs, handling, duration', () => {
    const s = new SessionScript()
      .created(0, S.Waiting)
      .client(0)
      .assign(30, 'A')
      .operator(50, 'A')
      .client(60)
      .client(65)
      .operator(80, 'A')
      .operator(85, 'A')
      .client(90)
      .close(100);
    expect(figures(project(s))).toEqual({
      sessionsCreated: ['1'],
      sessionsClosed: ['1@A'],
      messagesIn: ['1', '1@A', '1@A', '1@A'],
      messagesOut: ['1@A', '1@A', '1@A'],
      waitingTime: ['30@A'],
      firstResponseTime: ['50@A'],
      // run 0 → 50, run 60..65 → 80; the reply at 85 answers nothing; the run at 90 is never answered
      responseTime: ['20@A', '50@A'],
      handlingTime: ['70@A'],
      sessionDuration: ['100@A'],
    });
  });

  it('a closed session without any operator reply is abandoned', () => {
    const s = new SessionScript()
      .created(0, S.Waiting)
      .client(0)
      .client(20)
      .assign(40, 'A')
      .close(70);
    expect(figures(project(s))).toEqual({
      sessionsCreated: ['1'],
      sessionsClosed: ['1@A'],
      sessionsAbandoned: ['1@A'],
      messagesIn: ['1', '1'],
      waitingTime: ['40@A'],
      handlingTime: ['30@A'],
      sessionDuration: ['70@A'],
    });
  });

  it('bot handoff: the bot session counts once, the care cycle starts at the handoff, bot time is no waiting', () => {
    const s = new SessionScript()
      .created(0, S.AssignedToBot, { botId: 'bot' })
      .client(0)
      .client(10)
      .changed(20, { state: S.Waiting, botId: null })
      .reassigned(20, { toGroup: 'G' })
      .assign(50, 'A')
      .operator(65, 'A')
      .close(90);
    expect(figures(project(s))).toEqual({
      sessionsCreated: ['1'],
      botSessions: ['1'],
      sessionsClosed: ['1@A'],
      messagesIn: ['1', '1'],
      messagesOut: ['1@A'],
      waitingTime: ['30@A'],
      firstResponseTime: ['45@A'],
      // the run began with the client's first message to the bot: bot replies answer no run
      responseTime: ['65@A'],
      handlingTime: ['40@A'],
      sessionDuration: ['90@A'],
    });
  });

  it('bot handoff straight to an operator: a care cycle, no waiting time', () => {
    const s = new SessionScript()
      .created(0, S.AssignedToBot, { botId: 'bot' })
      .client(5)
      .assign(20, 'A')
      .operator(32, 'A')
      .close(40);
    const f = figures(project(s));
    expect(f.waitingTime).toBeUndefined();
    expect(f.firstResponseTime).toEqual(['12@A']);
    expect(f.botSessions).toEqual(['1']);
  });

  it('reassignment operator to operator: counted for the operator who lost it; handling credited to the closer', () => {
    const s = new SessionScript()
      .created(0, S.Waiting)
      .client(0)
      .assign(10, 'A')
      .operator(20, 'A')
      .changed(40, { userId: 'B' })
      .reassigned(40, { from: 'A', to: 'B' })
      .client(45)
      .operator(55, 'B')
      .close(100);
    expect(figures(project(s))).toEqual({
      sessionsCreated: ['1'],
      sessionsClosed: ['1@B'],
      reassignments: ['1@A'],
      messagesIn: ['1', '1@B'],
      messagesOut: ['1@A', '1@B'],
      waitingTime: ['10@A'],
      // one care cycle: B's first reply is no first response
      firstResponseTime: ['20@A'],
      responseTime: ['10@B', '20@A'],
      handlingTime: ['60@B'],
      sessionDuration: ['100@B'],
    });
  });

  it('requeue: a new waiting time until the next operator, no new care cycle', () => {
    const s = new SessionScript()
      .created(0, S.Waiting)
      .client(0)
      .assign(10, 'A')
      .operator(15, 'A')
      .changed(30, { state: S.Waiting, userId: null })
      .reassigned(30, { from: 'A', toGroup: 'G' })
      .assign(80, 'B', undefined)
      .client(85)
      .operator(90, 'B')
      .close(120);
    const f = figures(project(s));
    expect(f.waitingTime).toEqual(['10@A', '50@B']);
    expect(f.reassignments).toEqual(['1@A']);
    expect(f.firstResponseTime).toEqual(['15@A']);
    expect(f.responseTime).toEqual(['15@A', '5@B']);
    expect(f.handlingTime).toEqual(['40@B']);
  });

  it('a queue → operator assignment and a group change in the queue are no reassignments', () => {
    const s = new SessionScript()
      .created(0, S.Waiting)
      .reassigned(0, { toGroup: 'G1' })
      .changed(5, {})
      .reassigned(5, { toGroup: 'G2' })
      .assign(10, 'A')
      .close(20);
    expect(figures(project(s)).reassignments).toBeUndefined();
  });
});
