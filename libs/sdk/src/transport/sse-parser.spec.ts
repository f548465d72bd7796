import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('parses complete events and skips comments', () => {
    const parser = new SseParser();
    const events = parser.push(': keep-alive\n\nevent: SessionChanged\nid: e1\ndata: {"a":1}\n\n');
    expect(events).toEqual([{ event: 'SessionChanged', id: 'e1', data: '{"a":1}' }]);
  });

  it('reassembles events split across chunks, including a split \\r\\n', () => {
    const parser = new SseParser();
    const text =
      'event: MessageCreated\r\ndata: {"b":\r\ndata: 2}\r\n\r\nevent: x\r\ndata: y\r\n\r\n';
    const events = text.split('').flatMap((ch) => parser.push(ch));
    expect(events).toEqual([
      { event: 'MessageCreated', data: '{"b":\n2}' },
      { event: 'x', data: 'y' },
    ]);
  });

  it('defaults the event name to message and drops events without data', () => {
    const parser = new SseParser();
    expect(parser.push('event: only-name\n\ndata: z\n\n')).toEqual([
      { event: 'message', data: 'z' },
    ]);
  });

  it('keeps an incomplete event until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: a\ndata: 1\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'a', data: '1' }]);
  });
});
