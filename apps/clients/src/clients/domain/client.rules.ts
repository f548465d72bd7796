import { z } from 'zod';
import {
  ClientFindOrCreateRequestSchema,
  ClientSaveRequestSchema,
  LineChannelType,
  LineClientBlockedStatus,
  LineClientData,
  LineClientExtraData,
  OpenLinesError,
  SYSTEM_USER_ID,
} from '@openlines/contracts';

export type FindOrCreateInput = z.output<typeof ClientFindOrCreateRequestSchema>;
export type ClientSaveData = z.output<typeof ClientSaveRequestSchema>['data'];

/**
 * The client of (channel, account) on first contact. On an internal channel the account is the
 * employee's user id, kept in `_user` [ours].
 */
export function newClient(
  input: FindOrCreateInput,
  channelType: LineChannelType,
  id: string,
  now: Date,
): LineClientData {
  const at = now.toISOString();
  return {
    __id: id,
    __name: input.displayName ?? input.account,
    __createdAt: at,
    __createdBy: SYSTEM_USER_ID,
    __updatedAt: at,
    __updatedBy: SYSTEM_USER_ID,
    _channel: input.channelId,
    _username: input.account,
    _externalId: input.externalId ?? input.account,
    _extraData: input.extraData ?? {},
    _blockedStatus: LineClientBlockedStatus.notBlocked,
    ...(channelType === LineChannelType.internal ? { _user: input.account } : {}),
  };
}

/**
 * Extra data an existing client learns on a later contact: only the fields it does not have yet
 * (what an operator or a script saved wins over what a messenger reports). Empty when nothing is new.
 */
export function missingExtraData(
  current: LineClientExtraData,
  reported: LineClientExtraData | undefined,
): LineClientExtraData {
  const missing: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reported ?? {})) {
    if (value !== undefined && (current as Record<string, unknown>)[key] === undefined)
      missing[key] = value;
  }
  return missing as LineClientExtraData;
}

/** The client after `save()` [doc]: `_applicationItem: null` unlinks; `_extraData` replaces the whole. */
export function savedClient(
  client: LineClientData,
  data: ClientSaveData,
  now: Date,
): LineClientData {
  if (client.__deletedAt !== undefined) {
    throw OpenLinesError.invalidTransition(
      `cannot save client ${client.__id}: the client is deleted`,
      {
        clientId: client.__id,
        action: 'save',
      },
    );
  }
  const next: LineClientData = {
    ...client,
    __updatedAt: now.toISOString(),
    __updatedBy: SYSTEM_USER_ID,
  };
  if (data.__name !== undefined) next.__name = data.__name;
  if (data._extraData !== undefined) next._extraData = data._extraData;
  if (data._applicationItem === null) delete next._applicationItem;
  else if (data._applicationItem !== undefined) next._applicationItem = data._applicationItem;
  return next;
}
