import {
  LineChannelType,
  LineClientBlockedStatus,
  OpenLinesError,
  canBlockClientsOf,
} from '@openlines/contracts';

/** What the block rules need to know of a client. */
export interface ClientBlockView {
  __id: string;
  _blockedStatus: LineClientBlockedStatus;
  _blockedUntil?: string;
  _blockedLine?: string;
  __deletedAt?: string;
}

export interface BlockRequest {
  /** End of a temporary block (ISO 8601); absent = until unblocked. */
  until?: string;
  /** Block on this line only; absent = on every line. */
  lineId?: string;
}

/** The block fields as a whole: `undefined` removes the field. */
export interface ClientBlockPatch {
  _blockedStatus: LineClientBlockedStatus;
  _blockedUntil: string | undefined;
  _blockedLine: string | undefined;
}

/**
 * Blocks an external account [doc]: employees (clients of internal channels) cannot be blocked
 * (FORBIDDEN). A block replaces the previous one, so a permanent block can be narrowed to a line
 * or given an end; the same block twice changes nothing (`null`). An end in the past is refused,
 * since it would block nobody.
 */
export function blockPatch(
  client: ClientBlockView,
  channelType: LineChannelType,
  request: BlockRequest,
  now: Date,
): ClientBlockPatch | null {
  refuseDeleted(client, 'block');
  if (!canBlockClientsOf(channelType)) {
    throw OpenLinesError.forbidden(
      `client ${client.__id} is an employee (${channelType} channel) and cannot be blocked`,
      {
        clientId: client.__id,
        channelType,
      },
    );
  }
  const until = request.until === undefined ? undefined : new Date(request.until).toISOString();
  if (until !== undefined && Date.parse(until) <= now.getTime()) {
    throw OpenLinesError.validation(
      `invalid block of client ${client.__id}: until: Must be in the future`,
      [{ field: 'until', message: 'Must be in the future' }],
    );
  }
  const patch: ClientBlockPatch = {
    _blockedStatus: LineClientBlockedStatus.blocked,
    _blockedUntil: until,
    _blockedLine: request.lineId,
  };
  return sameBlock(client, patch) ? null : patch;
}

/** Lifts any block; a client that is not blocked stays as it is (`null`). */
export function unblockPatch(client: ClientBlockView): ClientBlockPatch | null {
  refuseDeleted(client, 'unblock');
  const patch: ClientBlockPatch = {
    _blockedStatus: LineClientBlockedStatus.notBlocked,
    _blockedUntil: undefined,
    _blockedLine: undefined,
  };
  return sameBlock(client, patch) ? null : patch;
}

function sameBlock(client: ClientBlockView, patch: ClientBlockPatch): boolean {
  return (
    client._blockedStatus === patch._blockedStatus &&
    client._blockedUntil === patch._blockedUntil &&
    client._blockedLine === patch._blockedLine
  );
}

function refuseDeleted(client: ClientBlockView, action: string): void {
  if (client.__deletedAt === undefined) return;
  throw OpenLinesError.invalidTransition(
    `cannot ${action} client ${client.__id}: the client is deleted`,
    {
      clientId: client.__id,
      action,
    },
  );
}
