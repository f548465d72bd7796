import { matchesAny, subjectMatches } from './subject-match';

describe('subjectMatches', () => {
  it.each([
    ['lines.events.session.changed.v1', 'lines.events.session.changed.v1', true],
    ['lines.events.session.changed.v1', 'lines.events.*.changed.v1', true],
    ['lines.events.session.changed.v1', 'lines.events.>', true],
    ['lines.events', 'lines.events.>', false],
    ['lines.events.session.changed.v1', 'lines.events.*', false],
    ['lines.events.session', 'lines.events.session.changed.v1', false],
    ['lines.events.client.created.v1', 'lines.events.session.>', false],
  ])('%s against %s → %s', (subject, pattern, expected) => {
    expect(subjectMatches(subject, pattern)).toBe(expected);
  });

  it('matches any of several patterns', () => {
    expect(matchesAny('a.b.c', ['x.>', 'a.*.c'])).toBe(true);
    expect(matchesAny('a.b.c', ['x.>', 'a.*'])).toBe(false);
  });
});
