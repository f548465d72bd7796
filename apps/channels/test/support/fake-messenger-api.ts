import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** `'hang'`: the call is never answered (an API that accepts the connection and stalls). */
export type FakeReply = (call: RecordedCall) => { status: number; body: unknown } | 'hang';

/**
 * A local stand-in for a messenger's HTTP API (Telegram Bot API, Viber REST API): a real node
 * HTTP server on 127.0.0.1 that records every call and answers with `reply`. stop() cuts the
 * calls left hanging.
 */
export class FakeMessengerApi {
  readonly calls: RecordedCall[] = [];
  private server?: Server;

  constructor(private readonly reply: FakeReply) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  callsTo(pathPart: string): RecordedCall[] {
    return this.calls.filter((call) => call.path.includes(pathPart));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const call: RecordedCall = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    this.calls.push(call);
    const answer = this.reply(call);
    if (answer === 'hang') return;
    const { status, body } = answer;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
