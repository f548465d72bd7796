import {
  ChannelCreateRequestSchema,
  ChannelSettings,
  LineChannelData,
  LineChannelDataSchema,
  LineChannelState,
  LineChannelType,
  SYSTEM_USER_ID,
  channelSettingsPatchSchema,
  validate,
} from '@openlines/contracts';
import { z } from 'zod';
import { ChannelStatePatch } from './channel-state.rules';

export type NewChannelInput = z.output<typeof ChannelCreateRequestSchema>;

/**
 * A channel as this service stores it: the public fields plus the full settings (secrets
 * included) and the bookkeeping of delivery. Never returned as it is: see toChannelData.
 */
export interface ChannelRecord {
  __id: string;
  __name: string;
  __createdAt: string;
  __createdBy: string;
  __updatedAt: string;
  __updatedBy: string;
  __deletedAt?: string;
  _type: LineChannelType;
  _state: LineChannelState;
  _line: string;
  _error?: string;
  _settings: ChannelSettings;
  _version?: number;
  /** The live-chat widget's public key, top level so that a unique index can guard it. */
  livechatKey?: string;
  /** Delivery authorisation failures in a row (see delivery-outcome.rules). */
  authFailures: number;
}

/** A new channel starts active: it is connected when it is created. */
export function newChannelRecord(
  input: NewChannelInput,
  id: string,
  now: Date,
  by: string = SYSTEM_USER_ID,
): ChannelRecord {
  const at = now.toISOString();
  const record: ChannelRecord = {
    __id: id,
    __name: input.__name,
    __createdAt: at,
    __createdBy: by,
    __updatedAt: at,
    __updatedBy: by,
    _type: input._type,
    _state: LineChannelState.active,
    _line: input._line,
    _settings: input._settings,
    authFailures: 0,
  };
  return withLivechatKey(record);
}

/**
 * The channel with a settings patch merged in. The patch is checked against the channel's own
 * type (VALIDATION_FAILED naming `data._settings.<key>`). A settings change clears the count of
 * authorisation failures: new credentials are the usual fix for them.
 */
export function withSettingsPatch(
  record: ChannelRecord,
  patch: Record<string, unknown>,
): ChannelRecord {
  const schema = z.object({
    data: z.object({ _settings: channelSettingsPatchSchema(record._type) }),
  });
  const checked = validate(schema, { data: { _settings: patch } }, 'lines.channels.update request');
  const settings = { ...record._settings, ...checked.data._settings } as ChannelSettings;
  return withLivechatKey({ ...record, _settings: settings, authFailures: 0 });
}

/** The fields a state transition writes; leaving a state resets the failure count. */
export function stateUpdate(
  patch: ChannelStatePatch,
): Pick<ChannelRecord, '_state' | '_error' | 'authFailures'> {
  return { _state: patch._state, _error: patch._error, authFailures: 0 };
}

/**
 * The public view of a stored channel: parsed through the contract's data schema, whose
 * `_settings` of each type lists the public keys only, so secrets and bookkeeping are stripped.
 */
export function toChannelData(record: ChannelRecord): LineChannelData {
  return LineChannelDataSchema.parse(record);
}

function withLivechatKey(record: ChannelRecord): ChannelRecord {
  if (record._type !== LineChannelType.livechat) return record;
  const settings = record._settings as ChannelSettings<LineChannelType.livechat>;
  return { ...record, livechatKey: settings.publicKey };
}
