import { LINE_DISTRIBUTIONS } from '@openlines/contracts';
import { defineEntityFields } from '@openlines/query';

/** What `lines.search()` may filter and sort on (every LineData field, by its type). */
export const LINE_FIELDS = defineEntityFields({
  _operatorGroups: { type: 'refArray' },
  _supervisorGroups: { type: 'refArray' },
  _bot: { type: 'ref' },
  _accountApp: { type: 'object' },
  '_accountApp.namespace': { type: 'string' },
  '_accountApp.code': { type: 'string' },
  _requestApps: { type: 'object' },
  '_requestApps.namespace': { type: 'stringArray' },
  '_requestApps.code': { type: 'stringArray' },
  _sessionNameTemplate: { type: 'string' },
  _distribution: { type: 'enum', values: LINE_DISTRIBUTIONS },
  _operatorCapacity: { type: 'number' },
  _botFirst: { type: 'boolean' },
  _requeueOnOffline: { type: 'boolean' },
  _targetReplySeconds: { type: 'number' },
});
