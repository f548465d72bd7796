import {
  ClientFindOrCreateRequestSchema,
  ErrorCode,
  LineChannelType,
  OpenLinesError,
} from '@openlines/contracts';
import { clientChanges } from './client-changes.rules';
import { missingExtraData, newClient, savedClient } from './client.rules';

const t0 = new Date('2024-05-01T10:00:00.000Z');
const t1 = new Date('2024-05-01T11:00:00.000Z');
const input = (request: unknown) => ClientFindOrCreateRequestSchema.parse(request);

describe('client rules', () => {
  it('creates a client named after the messenger profile', () => {
    const client = newClient(
      input({
        channelId: 'ch-1',
        account: 'ann_k',
        displayName: 'Ann K',
        externalId: '42',
        extraData: { languageCode: 'en' },
      }),
      LineChannelType.telegramBot,
      'cl-1',
      t0,
    );
    expect(client).toEqual({
      __id: 'cl-1',
      __name: 'Ann K',
      __createdAt: t0.toISOString(),
      __createdBy: 'system',
      __updatedAt: t0.toISOString(),
      __updatedBy: 'system',
      _channel: 'ch-1',
      _username: 'ann_k',
      _externalId: '42',
      _extraData: { languageCode: 'en' },
      _blockedStatus: 'notBlocked',
    });
  });

  it('falls back to the account and knows employees by their user id', () => {
    const client = newClient(
      input({ channelId: 'ch-1', account: 'user-7' }),
      LineChannelType.internal,
      'cl-2',
      t0,
    );
    expect(client).toMatchObject({ __name: 'user-7', _externalId: 'user-7', _user: 'user-7' });
  });

  it('fills only the extra data a client does not have yet', () => {
    expect(missingExtraData({ phone: '+1' }, { phone: '+2', languageCode: 'en' })).toEqual({
      languageCode: 'en',
    });
    expect(missingExtraData({ phone: '+1' }, undefined)).toEqual({});
  });

  it('saves a name, a link and extra data, and unlinks with null', () => {
    const client = newClient(
      input({ channelId: 'ch-1', account: 'ann' }),
      LineChannelType.viberbot,
      'cl-1',
      t0,
    );
    const item = { namespace: 'crm', code: 'contacts', id: 'c-1' };
    const linked = savedClient(
      client,
      { __name: 'Ann', _applicationItem: item, _extraData: { phone: '+1' } },
      t1,
    );
    expect(linked).toMatchObject({
      __name: 'Ann',
      _applicationItem: item,
      _extraData: { phone: '+1' },
    });
    expect(clientChanges(client, linked).map((c) => c.field)).toEqual([
      '__name',
      '_applicationItem',
      '_extraData',
    ]);
    const unlinked = savedClient(linked, { _applicationItem: null }, t1);
    expect(unlinked).not.toHaveProperty('_applicationItem');
    expect(clientChanges(linked, unlinked)).toEqual([
      { field: '_applicationItem', oldValue: item, newValue: null },
    ]);
  });

  it('refuses to save a deleted client', () => {
    const client = {
      ...newClient(input({ channelId: 'c', account: 'a' }), LineChannelType.vk, 'x', t0),
      __deletedAt: t0.toISOString(),
    };
    expect(() => savedClient(client, { __name: 'B' }, t1)).toThrow(OpenLinesError);
    try {
      savedClient(client, { __name: 'B' }, t1);
    } catch (caught) {
      expect((caught as OpenLinesError).code).toBe(ErrorCode.InvalidTransition);
    }
  });
});
