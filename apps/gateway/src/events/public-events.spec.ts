import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { parseEventStreamQuery, sseFrame, streamWants } from './public-events';

describe('parseEventStreamQuery', () => {
  it('defaults to every public type', () => {
    expect([...parseEventStreamQuery({}).types]).toEqual([
      'SessionCreated',
      'SessionChanged',
      'SessionReassigned',
      'SessionClosed',
      'MessageCreated',
    ]);
  });

  it('reads types, lineId and sessionId', () => {
    const filter = parseEventStreamQuery({
      types: 'SessionChanged, MessageCreated',
      lineId: 'l-1',
      sessionId: 's-1',
    });
    expect([...filter.types]).toEqual(['SessionChanged', 'MessageCreated']);
    expect(filter.lineId).toBe('l-1');
    expect(filter.sessionId).toBe('s-1');
  });

  it.each([
    [{ types: 'SessionChanged,Internal' }, 'types'],
    [{ types: '' }, 'types'],
    [{ lineId: ['a', 'b'] }, 'lineId'],
    [{ sessionId: 'x'.repeat(129) }, 'sessionId'],
  ])('refuses %p naming %s', (query, field) => {
    let caught: unknown;
    try {
      parseEventStreamQuery(query);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OpenLinesError);
    expect((caught as OpenLinesError).code).toBe(ErrorCode.ValidationFailed);
    expect((caught as OpenLinesError).message).toContain(field);
  });
});

describe('streamWants', () => {
  const filter = parseEventStreamQuery({ types: 'SessionChanged', lineId: 'l-1' });

  it('passes events of the wanted type and line only', () => {
    expect(streamWants(filter, 'SessionChanged', { lineId: 'l-1', sessionId: 's' })).toBe(true);
    expect(streamWants(filter, 'SessionChanged', { lineId: 'l-2', sessionId: 's' })).toBe(false);
    expect(streamWants(filter, 'MessageCreated', { lineId: 'l-1', sessionId: 's' })).toBe(false);
  });
});

describe('sseFrame', () => {
  it('writes one event with its id and JSON data', () => {
    expect(sseFrame('SessionChanged', 'e-1', { text: 'a\nb' })).toBe(
      'event: SessionChanged\nid: e-1\ndata: {"text":"a\\nb"}\n\n',
    );
  });
});
