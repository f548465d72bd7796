import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface TelegramCall {
  /** `/bot<token>/<method>` */
  path: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for the Telegram Bot API (TELEGRAM_API_BASE_URL points here): records every
 * call and answers like Telegram does (`{ ok: true, result }`).
 */
export class FakeTelegram {
  readonly calls: TelegramCall[] = [];
  private nextMessageId = 1000;
  private readonly server = createServer((req, res) => this.handle(req, res));
  url = '';

  static async start(): Promise<FakeTelegram> {
    const fake = new FakeTelegram();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  sent(token: string): TelegramCall[] {
    return this.calls.filter((call) => call.path === `/bot${token}/sendMessage`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      this.calls.push({ path: req.url ?? '', body });
      const result = { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000) };
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, result }));
    });
  }
}
