import { LineClientBlockedStatus } from '@openlines/contracts';
import { defineEntityFields } from '@openlines/query';

/** What `clients.search()` may filter and sort on. */
export const CLIENT_FIELDS = defineEntityFields({
  _channel: { type: 'ref' },
  _username: { type: 'string' },
  _externalId: { type: 'string' },
  _applicationItem: { type: 'object' },
  '_applicationItem.id': { type: 'ref' },
  '_applicationItem.namespace': { type: 'string' },
  '_applicationItem.code': { type: 'string' },
  '_extraData.phone': { type: 'string' },
  '_extraData.email': { type: 'string' },
  '_extraData.languageCode': { type: 'string' },
  _blockedStatus: { type: 'enum', values: Object.values(LineClientBlockedStatus) },
  _blockedUntil: { type: 'date' },
  _blockedLine: { type: 'ref' },
  _user: { type: 'ref' },
});
