import { ErrorBody, ValidationIssue } from '@openlines/contracts';
import { bootstrapService, RunningService } from '@openlines/messaging';
import {
  isolateTestSubjects,
  startTestService,
  testLogger,
  testNatsConfig,
  TestService,
} from '@openlines/testing';
import { GatewayConfig, gatewayConfigFromEnv } from '../src/config/gateway.config';
import { EventHub } from '../src/events/event-hub.service';
import type { SseQueueStats } from '../src/events/sse-client';
import { GatewayModule } from '../src/gateway.module';
import { configureBodyParsing } from '../src/http/body-limit';
import { CallRecorder, FakeServicesModule } from './fake-services.module';

export const API_KEY = 'test-key-0123456789';

export interface GatewayUnderTest {
  url: string;
  /** SSE streams the gateway holds open now. */
  openStreams(): number;
  /** Bytes the gateway holds queued for each open SSE stream. */
  sseQueues(): SseQueueStats[];
  backend: TestService;
  recorder: CallRecorder;
  /** fetch with the API key. */
  call(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The gateway as main.ts starts it (HTTP on a free port) plus fake services on the test NATS. */
export async function startGateway(
  overrides: Partial<GatewayConfig> = {},
): Promise<GatewayUnderTest> {
  isolateTestSubjects();
  const backend = await startTestService(FakeServicesModule, { name: 'fake-services' });
  const config: GatewayConfig = {
    ...gatewayConfigFromEnv({}),
    apiKeys: [API_KEY],
    ...overrides,
    httpPort: 0,
  };
  let running: RunningService;
  try {
    running = await bootstrapService({
      name: 'gateway',
      module: GatewayModule.forRoot(config),
      httpPort: 0,
      httpHost: '127.0.0.1',
      natsConfig: testNatsConfig(),
      logger: testLogger('gateway'),
      gracePeriodMs: 0,
      handleSignals: false,
      configure: (app) => configureBodyParsing(app, config.bodyLimitBytes),
    });
  } catch (error) {
    await backend.close();
    throw error;
  }
  const url = running.httpUrl;
  return {
    url,
    backend,
    recorder: backend.app.get(CallRecorder),
    openStreams: () => running.app.get(EventHub).streams,
    sseQueues: () => running.app.get(EventHub).queueStats(),
    call: (path, init = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${API_KEY}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      }),
    close: async () => {
      await running.close();
      await backend.close();
    },
  };
}

export function postJson(body: unknown): RequestInit {
  return { method: 'POST', body: JSON.stringify(body) };
}

/** The JSON body of a response, as the type the test expects. */
export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** An error body with the validation issues VALIDATION_FAILED carries. */
export type ErrorJson = ErrorBody & { details?: { issues?: ValidationIssue[] } };
