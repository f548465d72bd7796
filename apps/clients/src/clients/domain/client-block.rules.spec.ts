import {
  ErrorCode,
  LineChannelType,
  LineClientBlockedStatus,
  OpenLinesError,
} from '@openlines/contracts';
import { ClientBlockView, blockPatch, unblockPatch } from './client-block.rules';

const now = new Date('2024-05-01T10:00:00.000Z');
const { blocked, notBlocked } = LineClientBlockedStatus;

const free: ClientBlockView = { __id: 'cl-1', _blockedStatus: notBlocked };

function refusal(action: () => unknown): OpenLinesError {
  try {
    action();
  } catch (caught) {
    return caught as OpenLinesError;
  }
  throw new Error('expected a refusal');
}

describe('blocking a client', () => {
  it('blocks an external account on every line until unblocked', () => {
    expect(blockPatch(free, LineChannelType.telegramBot, {}, now)).toEqual({
      _blockedStatus: blocked,
      _blockedUntil: undefined,
      _blockedLine: undefined,
    });
  });

  it('blocks for a time on one line, normalising the end to UTC', () => {
    const patch = blockPatch(
      free,
      LineChannelType.viberbot,
      { until: '2024-05-02T12:00:00+02:00', lineId: 'line-1' },
      now,
    );
    expect(patch).toEqual({
      _blockedStatus: blocked,
      _blockedUntil: '2024-05-02T10:00:00.000Z',
      _blockedLine: 'line-1',
    });
  });

  it('changes nothing when the same block is asked twice', () => {
    const client = { ...free, _blockedStatus: blocked, _blockedLine: 'line-1' };
    expect(blockPatch(client, LineChannelType.telegramBot, { lineId: 'line-1' }, now)).toBeNull();
  });

  it('replaces a block with a narrower one', () => {
    const client = { ...free, _blockedStatus: blocked };
    expect(
      blockPatch(client, LineChannelType.telegramBot, { lineId: 'line-2' }, now),
    ).toMatchObject({ _blockedLine: 'line-2' });
  });

  it('refuses to block an employee', () => {
    const error = refusal(() => blockPatch(free, LineChannelType.internal, {}, now));
    expect(error.code).toBe(ErrorCode.Forbidden);
  });

  it('refuses an end in the past, naming the field', () => {
    const error = refusal(() =>
      blockPatch(free, LineChannelType.telegramBot, { until: '2024-05-01T09:59:59Z' }, now),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details).toEqual({
      issues: [{ field: 'until', message: 'Must be in the future' }],
    });
  });

  it('refuses to block a deleted client', () => {
    const error = refusal(() =>
      blockPatch({ ...free, __deletedAt: now.toISOString() }, LineChannelType.vk, {}, now),
    );
    expect(error.code).toBe(ErrorCode.InvalidTransition);
  });
});

describe('unblocking a client', () => {
  it('lifts the whole block', () => {
    const client = {
      ...free,
      _blockedStatus: blocked,
      _blockedUntil: '2030-01-01T00:00:00.000Z',
      _blockedLine: 'l',
    };
    expect(unblockPatch(client)).toEqual({
      _blockedStatus: notBlocked,
      _blockedUntil: undefined,
      _blockedLine: undefined,
    });
  });

  it('changes nothing for a client that is not blocked', () => {
    expect(unblockPatch(free)).toBeNull();
  });
});
