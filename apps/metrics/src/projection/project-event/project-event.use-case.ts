import {
  LineChangedPayloadSchema,
  LinesEvents,
  MessageCreatedPayloadSchema,
  SessionChangedPayloadSchema,
  SessionClosedPayloadSchema,
  SessionCreatedPayloadSchema,
  SessionReassignedPayloadSchema,
  validate,
} from '@openlines/contracts';
import { ApplyLineChangeUseCase } from '../../line-targets/apply-line-change/apply-line-change.use-case';
import { fromMessageCreated } from '../event-mapping/message-event.mapper';
import {
  fromSessionChanged,
  fromSessionClosed,
  fromSessionCreated,
  fromSessionReassigned,
  MappedSessionFact,
} from '../event-mapping/session-event.mapper';
import { ProjectOutcome, SessionFactProjector } from './session-fact.projector';

/**
 * Projects one event of the stream, whatever its subject: session and message events into the
 * session projections, line changes into the reply targets; any other subject is ignored.
 * Payloads are validated with the contracts schemas (VALIDATION_FAILED names the field).
 * `onlyLine` restricts it to one line's events (a rebuild of one line).
 */
export class ProjectEventUseCase {
  constructor(
    private readonly sessions: SessionFactProjector,
    private readonly lines: ApplyLineChangeUseCase,
  ) {}

  async execute(subject: string, data: unknown, onlyLine?: string): Promise<ProjectOutcome> {
    switch (subject) {
      case LinesEvents.session.created:
        return this.session(
          fromSessionCreated(validate(SessionCreatedPayloadSchema, data, `${subject} event`)),
          onlyLine,
        );
      case LinesEvents.session.changed:
        return this.session(
          fromSessionChanged(validate(SessionChangedPayloadSchema, data, `${subject} event`)),
          onlyLine,
        );
      case LinesEvents.session.reassigned:
        return this.session(
          fromSessionReassigned(validate(SessionReassignedPayloadSchema, data, `${subject} event`)),
          onlyLine,
        );
      case LinesEvents.session.closed:
        return this.session(
          fromSessionClosed(validate(SessionClosedPayloadSchema, data, `${subject} event`)),
          onlyLine,
        );
      case LinesEvents.message.created:
        return this.session(
          fromMessageCreated(validate(MessageCreatedPayloadSchema, data, `${subject} event`)),
          onlyLine,
        );
      case LinesEvents.line.changed: {
        const payload = validate(LineChangedPayloadSchema, data, `${subject} event`);
        if (onlyLine !== undefined && payload.lineId !== onlyLine) return 'ignored';
        return this.lines.execute(payload);
      }
      default:
        return 'ignored';
    }
  }

  private session(
    mapped: MappedSessionFact | null,
    onlyLine: string | undefined,
  ): Promise<ProjectOutcome> | ProjectOutcome {
    if (mapped === null) return 'ignored';
    if (onlyLine !== undefined && mapped.placement.lineId !== onlyLine) return 'ignored';
    return this.sessions.project(mapped);
  }
}
