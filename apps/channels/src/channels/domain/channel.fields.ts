import { LineChannelState, LineChannelType } from '@openlines/contracts';
import { defineEntityFields } from '@openlines/query';

/**
 * What `channels.search()` may filter and sort on. Only public settings are searchable: a filter
 * on a secret would let a caller guess it one query at a time.
 */
export const CHANNEL_FIELDS = defineEntityFields({
  _type: { type: 'enum', values: Object.values(LineChannelType) },
  _state: { type: 'enum', values: Object.values(LineChannelState) },
  _line: { type: 'ref' },
  _error: { type: 'string' },
  '_settings.botUsername': { type: 'string' },
  '_settings.publicKey': { type: 'string' },
  '_settings.address': { type: 'string' },
  '_settings.phoneNumberId': { type: 'string' },
  '_settings.pageId': { type: 'string' },
  '_settings.groupId': { type: 'string' },
});
