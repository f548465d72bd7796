import { LineSessionState } from '@openlines/contracts';
import { isStaleReservation } from './operator-load.rules';

const AT = '2024-01-01T10:00:00.000Z';
const soon = new Date(Date.parse(AT) + 1000);
const late = new Date(Date.parse(AT) + 10 * 60_000);
const seat = { session: 's1', version: 3, at: AT };
const GRACE = 5 * 60_000;

describe('stale capacity seats', () => {
  it('keeps the seat of a session assigned to the operator, however old', () => {
    expect(isStaleReservation(seat, { _state: LineSessionState.AssignedToOperator, _userId: 'op', _version: 4 }, 'op', late, GRACE)).toBe(false);
  });

  it('frees the seat once the session moved on without the operator', () => {
    expect(isStaleReservation(seat, { _state: LineSessionState.Closed, _userId: 'op', _version: 5 }, 'op', soon, GRACE)).toBe(true);
    expect(isStaleReservation(seat, { _state: LineSessionState.AssignedToOperator, _userId: 'other', _version: 4 }, 'op', soon, GRACE)).toBe(true);
  });

  it('keeps an in-flight seat (session still at the expected version) until the grace ends', () => {
    const waiting = { _state: LineSessionState.Waiting, _version: 3 };
    expect(isStaleReservation(seat, waiting, 'op', soon, GRACE)).toBe(false);
    expect(isStaleReservation(seat, waiting, 'op', late, GRACE)).toBe(true);
  });

  it('keeps the seat of a session being created until the grace ends', () => {
    expect(isStaleReservation({ ...seat, version: 0 }, null, 'op', soon, GRACE)).toBe(false);
    expect(isStaleReservation({ ...seat, version: 0 }, null, 'op', late, GRACE)).toBe(true);
  });
});
