import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { NatsConnection, RpcClient, RunningService, bootstrapService } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { connectTestNats, isolateTestSubjects, uniqueName } from '@openlines/testing';
import { configureChannelsHttp } from '../../src/channels.http';
import { ChannelsModule } from '../../src/channels.module';
import { ChannelsConfig, channelsConfigFromEnv } from '../../src/config/channels.config';

export interface ChannelsUnderTest {
  config: ChannelsConfig;
  service: RunningService;
  /** e.g. http://127.0.0.1:41234, where the webhooks are. */
  httpUrl: string;
  /** The spec's own connection and RPC client, in this spec file's subject namespace. */
  nc: NatsConnection;
  rpc: RpcClient;
  close(): Promise<void>;
}

/**
 * Starts the channels service exactly as main.ts does (HTTP on a free port, RPC on the test
 * nats-server, memory store), with a durable of its own and short delays for this spec file.
 */
export async function startChannels(env: Record<string, string> = {}): Promise<ChannelsUnderTest> {
  isolateTestSubjects();
  const config = channelsConfigFromEnv({
    ...process.env,
    HTTP_PORT: '0',
    MONGO_URL: '',
    STORE: 'memory',
    OUTBOUND_DURABLE: uniqueName('channels_outbound'),
    OUTBOUND_DELIVER_POLICY: 'new',
    OUTBOX_POLL_MS: '200',
    ...env,
  });
  const service = await bootstrapService({
    name: config.serviceName,
    module: ChannelsModule.forRoot(config),
    httpPort: 0,
    httpHost: '127.0.0.1',
    natsConfig: config.nats,
    logger: createLogger('channels', { level: config.logLevel }),
    gracePeriodMs: 0,
    handleSignals: false,
    configure: configureChannelsHttp,
  });
  const nc = await connectTestNats('channels-spec');
  return {
    config,
    service,
    httpUrl: service.httpUrl,
    nc,
    rpc: new RpcClient(nc, { subjectPrefix: config.nats.subjectPrefix }),
    close: async () => {
      await service.close();
      const jsm = await nc.jetstreamManager();
      await jsm.consumers
        .delete(LINES_EVENTS_STREAM, config.outboundDurable)
        .catch(() => undefined);
      await nc.drain();
    },
  };
}
