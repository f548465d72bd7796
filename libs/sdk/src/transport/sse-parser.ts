/** One Server-Sent Event as the gateway sends it (`event:`, `id:`, `data:` lines). */
export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/**
 * Incremental parser of a text/event-stream (WHATWG HTML §9.2.6): chunks may split lines and
 * events anywhere; comment lines (`:` keep-alives) are skipped; multi-line data is joined by \n.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private id: string | undefined;
  private data: string[] = [];

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    let newline = this.nextLineEnd();
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      const skip = this.buffer[newline] === '\r' && this.buffer[newline + 1] === '\n' ? 2 : 1;
      this.buffer = this.buffer.slice(newline + skip);
      const dispatched = this.line(line);
      if (dispatched) out.push(dispatched);
      newline = this.nextLineEnd();
    }
    return out;
  }

  private nextLineEnd(): number {
    const match = /\r\n|\r|\n/.exec(this.buffer);
    if (!match) return -1;
    // A lone trailing \r may be the first half of \r\n: wait for the next chunk.
    if (match[0] === '\r' && match.index === this.buffer.length - 1) return -1;
    return match.index;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const event =
      this.data.length === 0
        ? undefined
        : {
            event: this.event || 'message',
            data: this.data.join('\n'),
            ...(this.id ? { id: this.id } : {}),
          };
    this.event = '';
    this.data = [];
    return event;
  }
}
