import { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NatsConnection, RpcClient, createRpcMicroservice } from '@openlines/messaging';
import {
  connectTestNats,
  isolateTestSubjects,
  testLogger,
  testNatsConfig,
} from '../nats/test-nats';

export interface TestServiceOptions {
  /** RPC queue group and logger name. Default 'test-service'. */
  name?: string;
}

export interface TestService {
  /** The running microservice: `app.get(Token)` reaches its providers. */
  app: INestMicroservice;
  /** A spec-side connection (publish events, read streams). */
  nc: NatsConnection;
  /** Calls the service as other services would, in this spec file's subject namespace. */
  rpc: RpcClient;
  subjectPrefix: string;
  /** Closes the service (its consumers stop, its connection drains) and the spec connection. */
  close(): Promise<void>;
}

/**
 * Starts a Nest module as an RPC microservice on the test nats-server, with the same filter,
 * interceptor and queue group as production. The module reads its NATS settings from the
 * environment (MessagingModule.forRoot), which this points at the test server and namespace.
 */
export async function startTestService(
  module: Type<unknown> | DynamicModule,
  options: TestServiceOptions = {},
): Promise<TestService> {
  const name = options.name ?? 'test-service';
  const subjectPrefix = isolateTestSubjects();
  const app = await createRpcMicroservice({
    name,
    module,
    natsConfig: testNatsConfig(),
    logger: testLogger(name),
    gracePeriodMs: 0,
  });
  let nc: NatsConnection;
  try {
    nc = await connectTestNats(`${name}-spec`);
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    app,
    nc,
    rpc: new RpcClient(nc, { subjectPrefix }),
    subjectPrefix,
    close: async () => {
      await app.close();
      if (!nc.isClosed()) await nc.drain();
    },
  };
}
