import {
  LineClientDataSchema,
  LineDataSchema,
  LineMessageDataSchema,
  LineMetricDataSchema,
  LineSessionDataSchema,
  OperatorDataSchema,
  SystemFieldsSchema,
} from './index';

const SYSTEM_FIELDS = [
  '__id',
  '__name',
  '__createdAt',
  '__createdBy',
  '__updatedAt',
  '__updatedBy',
  '__deletedAt',
];
const keysOf = (schema: { shape: object }) => Object.keys(schema.shape).sort();
const withSystem = (fields: string[]) => [...SYSTEM_FIELDS, ...fields].sort();

describe('data fields (spec §1, §3–§8)', () => {
  it('system fields are the spec list', () => {
    expect(keysOf(SystemFieldsSchema)).toEqual([...SYSTEM_FIELDS].sort());
  });

  it.each([
    [
      'LineData',
      LineDataSchema,
      [
        '_operatorGroups',
        '_supervisorGroups',
        '_bot',
        '_accountApp',
        '_requestApps',
        '_sessionNameTemplate',
        '_distribution',
        '_operatorCapacity',
        '_botFirst',
        '_requeueOnOffline',
        '_targetReplySeconds',
        '_version',
      ],
    ],
    [
      'LineSessionData',
      LineSessionDataSchema,
      [
        '_apps',
        '_acceptedAt',
        '_channel',
        '_clients',
        '_closedAt',
        '_externalChatId',
        '_externalChatName',
        '_lastActivityAt',
        '_line',
        '_priority',
        '_state',
        '_userGroupId',
        '_userId',
        '_botId',
        '_version',
      ],
    ],
    [
      'LineClientData',
      LineClientDataSchema,
      [
        '_channel',
        '_username',
        '_externalId',
        '_applicationItem',
        '_extraData',
        '_blockedStatus',
        '_blockedUntil',
        '_blockedLine',
        '_user',
        '_version',
      ],
    ],
    [
      'LineMessageData',
      LineMessageDataSchema,
      [
        'body',
        'client',
        'operator',
        'bot',
        'externalId',
        'files',
        'isRead',
        'payload',
        'session',
        'type',
      ],
    ],
    [
      'LineMetricData',
      LineMetricDataSchema,
      [
        '_type',
        '_line',
        '_operator',
        '_channel',
        '_period',
        '_periodStart',
        '_count',
        '_sum',
        '_min',
        '_max',
        '_histogram',
        '_withinTarget',
      ],
    ],
  ])('%s has exactly the spec fields', (_name, schema, fields) => {
    expect(keysOf(schema)).toEqual(withSystem(fields));
  });

  it('OperatorData has the directory fields', () => {
    expect(keysOf(OperatorDataSchema)).toEqual([
      '__id',
      '__name',
      '_groups',
      '_status',
      '_statusChangedAt',
    ]);
  });
});
