import { Controller, Injectable, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LineSessionData,
  LineSessionPriority,
  LineSessionState,
  LinesRpc,
  OpenLinesError,
  RPC_SCHEMAS,
  RpcParsedRequest,
  RpcSubject,
  validate,
} from '@openlines/contracts';
import { currentCorrelationId } from '@openlines/observability';

/** What the fake services received, in order. */
@Injectable()
export class CallRecorder {
  readonly calls: { subject: string; payload: unknown; correlationId?: string }[] = [];

  record(subject: string, payload: unknown): void {
    this.calls.push({ subject, payload, correlationId: currentCorrelationId() });
  }

  last(subject: string): unknown {
    return [...this.calls].reverse().find((call) => call.subject === subject)?.payload;
  }
}

const AT = '2026-01-01T00:00:00.000Z';

export function sessionData(id: string, overrides: Partial<LineSessionData> = {}): LineSessionData {
  return {
    __id: id,
    __name: `Session ${id}`,
    __createdAt: AT,
    __createdBy: 'system',
    __updatedAt: AT,
    __updatedBy: 'system',
    _apps: [],
    _channel: 'channel-1',
    _clients: ['client-1'],
    _lastActivityAt: AT,
    _line: 'line-1',
    _priority: LineSessionPriority.Medium,
    _state: LineSessionState.Waiting,
    _version: 1,
    ...overrides,
  };
}

/**
 * A real responder on the test nats-server standing in for the sessions and metrics services:
 * it validates like they do, records what arrives and answers (or fails) deterministically.
 */
@Controller()
class FakeSessionsController {
  constructor(private readonly recorder: CallRecorder) {}

  @MessagePattern(LinesRpc.sessions.get)
  get(@Payload() payload: unknown): LineSessionData {
    const request = this.take(LinesRpc.sessions.get, payload);
    if (request.id === 'missing') throw OpenLinesError.notFound('session', request.id);
    return sessionData(request.id);
  }

  @MessagePattern(LinesRpc.sessions.search)
  search(@Payload() payload: unknown): { items: LineSessionData[] } {
    const request = this.take(LinesRpc.sessions.search, payload);
    return { items: [sessionData('s-1'), sessionData('s-2')].slice(0, request.size) };
  }

  @MessagePattern(LinesRpc.sessions.assignToOperator)
  assign(@Payload() payload: unknown): LineSessionData {
    const request = this.take(LinesRpc.sessions.assignToOperator, payload);
    if (request.operatorId === 'outsider')
      throw OpenLinesError.forbidden('not an operator of the line');
    return sessionData(request.sessionId, {
      _state: LineSessionState.AssignedToOperator,
      _userId: request.operatorId,
    });
  }

  @MessagePattern(LinesRpc.sessions.close)
  close(@Payload() payload: unknown): LineSessionData {
    const request = this.take(LinesRpc.sessions.close, payload);
    throw OpenLinesError.invalidTransition('the session is closed already', {
      sessionId: request.sessionId,
    });
  }

  @MessagePattern(LinesRpc.sessions.create)
  create(@Payload() payload: unknown): LineSessionData {
    const request = this.take(LinesRpc.sessions.create, payload);
    return sessionData('s-new', { _channel: request.channelId });
  }

  /** Answers later than the gateway waits, to provoke TIMEOUT. */
  @MessagePattern(LinesRpc.metrics.rebuild)
  async rebuild(
    @Payload() payload: unknown,
  ): Promise<{ eventsReplayed: number; metricItems: number }> {
    this.take(LinesRpc.metrics.rebuild, payload);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { eventsReplayed: 0, metricItems: 0 };
  }

  private take<S extends RpcSubject>(subject: S, payload: unknown): RpcParsedRequest<S> {
    this.recorder.record(subject, payload);
    return validate(RPC_SCHEMAS[subject].request, payload, subject) as RpcParsedRequest<S>;
  }
}

@Module({ controllers: [FakeSessionsController], providers: [CallRecorder] })
export class FakeServicesModule {}
