import { readFileSync } from 'node:fs';
import { ConnectionOptions, NatsConnection, connect, credsAuthenticator } from 'nats';
import { Logger, runWithoutCorrelation } from '@openlines/observability';
import { NatsConfig } from '../config/nats.config';

/**
 * Connection options shared by our own connection and the Nest NATS transport: wait for the
 * server on start (a pod may start before NATS), reconnect forever (a NATS restart must not kill
 * services), and authenticate the one way the config names.
 */
export function natsConnectionOptions(config: NatsConfig, name: string): ConnectionOptions {
  const options: ConnectionOptions = {
    servers: config.servers,
    name,
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
  };
  if (config.user !== undefined) {
    options.user = config.user;
    options.pass = config.password;
  }
  if (config.token !== undefined) options.token = config.token;
  if (config.credsFile !== undefined) {
    const file = config.credsFile;
    // Read on every (re)connect so a rotated creds file is picked up without a restart.
    options.authenticator = credsAuthenticator(() => new Uint8Array(readFileSync(file)));
  }
  return options;
}

/** Connects, then logs every connection status change until the connection closes. */
export async function connectNats(
  config: NatsConfig,
  logger: Logger,
  name: string,
): Promise<NatsConnection> {
  const log = logger.child({ component: 'nats' });
  log.info({ servers: config.servers, name }, 'connecting to NATS');
  const nc = await connect(natsConnectionOptions(config, name));
  log.info({ server: nc.getServer() }, 'connected to NATS');
  void runWithoutCorrelation(() => logStatus(nc, log));
  void nc.closed().then((error) => {
    if (error) log.error({ err: error }, 'NATS connection closed with an error');
    else log.info('NATS connection closed');
  });
  return nc;
}

async function logStatus(nc: NatsConnection, log: Logger): Promise<void> {
  for await (const status of nc.status()) {
    const fields = { event: status.type, data: status.data };
    switch (status.type) {
      case 'disconnect':
      case 'error':
        log.warn(fields, `NATS ${status.type}`);
        break;
      case 'reconnect':
      case 'ldm':
      case 'update':
        log.info(fields, `NATS ${status.type}`);
        break;
      default:
        log.debug(fields, `NATS ${status.type}`);
    }
  }
}

/** Readiness: the server answers a ping within `timeoutMs` (a disconnected client never does). */
export async function isNatsReachable(nc: NatsConnection, timeoutMs = 1000): Promise<boolean> {
  if (nc.isClosed() || nc.isDraining()) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([nc.flush().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
