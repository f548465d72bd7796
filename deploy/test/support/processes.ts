// Small process and network helpers for the specs: free ports, waiting with a deadline, the
// nats-server binary, and a raw NATS handshake (CONNECT + PING) to see whether auth is enforced.
import { execFileSync } from 'node:child_process';
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until probe returns a value; `what` may be a function, evaluated only on timeout. */
export async function waitFor<T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function natsServerBinary(): string {
  for (const candidate of [
    process.env.NATS_SERVER_BIN,
    'nats-server',
    '/usr/sbin/nats-server',
    '/usr/bin/nats-server',
  ]) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next candidate
    }
  }
  throw new Error('nats-server not found (apt-get install nats-server)');
}

/** Resolves '+OK' when the server accepts the credentials, or the server's -ERR line. */
export function natsHandshake(
  port: number,
  credentials: { user?: string; pass?: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buffer = '';
    let sentConnect = false;
    const timer = setTimeout(() => finish(new Error('no answer from nats-server')), 5000);
    const finish = (result: string | Error): void => {
      clearTimeout(timer);
      socket.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    socket.on('error', finish);
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (!sentConnect && buffer.includes('\r\n')) {
        sentConnect = true;
        buffer = '';
        const options = { verbose: false, pedantic: false, ...credentials };
        socket.write(`CONNECT ${JSON.stringify(options)}\r\nPING\r\n`);
        return;
      }
      if (buffer.includes('PONG')) finish('+OK');
      else if (buffer.includes('-ERR')) finish(buffer.trim());
    });
  });
}
