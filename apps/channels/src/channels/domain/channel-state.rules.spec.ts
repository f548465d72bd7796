import { ErrorCode, LineChannelState, LineChannelType, OpenLinesError } from '@openlines/contracts';
import {
  ChannelStateView,
  disconnectPatch,
  isLive,
  markErrorPatch,
  reconnectPatch,
} from './channel-state.rules';

const { active, disconnected, error } = LineChannelState;

function channel(
  type: LineChannelType,
  state: LineChannelState,
  extra: Partial<ChannelStateView> = {},
): ChannelStateView {
  return { __id: 'ch-1', _type: type, _state: state, ...extra };
}

function codeOf(action: () => unknown): ErrorCode | undefined {
  try {
    action();
  } catch (caught) {
    return (caught as OpenLinesError).code;
  }
  return undefined;
}

const reconnectable = [
  LineChannelType.telegramBot,
  LineChannelType.inbox,
  LineChannelType.viberbot,
  LineChannelType.livechat,
  LineChannelType.instagram,
];
const notReconnectable = Object.values(LineChannelType).filter(
  (type) => !reconnectable.includes(type),
);

describe('channel state machine', () => {
  it.each(Object.values(LineChannelType))('disconnects an active or failed %s channel', (type) => {
    expect(disconnectPatch(channel(type, active))).toEqual({
      _state: disconnected,
      _error: undefined,
    });
    expect(disconnectPatch(channel(type, error, { _error: 'x' }))).toEqual({
      _state: disconnected,
      _error: undefined,
    });
  });

  it('treats disconnecting a disconnected channel as done', () => {
    expect(disconnectPatch(channel(LineChannelType.vk, disconnected))).toBeNull();
  });

  it.each(reconnectable)('reconnects a disconnected or failed %s channel', (type) => {
    expect(reconnectPatch(channel(type, disconnected))).toEqual({
      _state: active,
      _error: undefined,
    });
    expect(reconnectPatch(channel(type, error, { _error: 'token revoked' }))).toEqual({
      _state: active,
      _error: undefined,
    });
    expect(reconnectPatch(channel(type, active))).toBeNull();
  });

  it.each(notReconnectable)('refuses to reconnect a %s channel in any state', (type) => {
    for (const state of [active, disconnected, error]) {
      expect(codeOf(() => reconnectPatch(channel(type, state)))).toBe(ErrorCode.InvalidTransition);
    }
  });

  it('puts an active channel into error with the reason', () => {
    expect(markErrorPatch(channel(LineChannelType.telegramBot, active), 'HTTP 401 ×3')).toEqual({
      _state: error,
      _error: 'HTTP 401 ×3',
    });
  });

  it('updates the reason of a failed channel and ignores the same reason twice', () => {
    const failed = channel(LineChannelType.telegramBot, error, { _error: 'old' });
    expect(markErrorPatch(failed, 'new')).toEqual({ _state: error, _error: 'new' });
    expect(markErrorPatch(failed, 'old')).toBeNull();
  });

  it('refuses the error state for a disconnected channel', () => {
    expect(codeOf(() => markErrorPatch(channel(LineChannelType.viberbot, disconnected), 'x'))).toBe(
      ErrorCode.InvalidTransition,
    );
  });

  it('refuses every transition of a deleted channel', () => {
    const deleted = channel(LineChannelType.telegramBot, disconnected, {
      __deletedAt: '2024-01-01T00:00:00.000Z',
    });
    expect(codeOf(() => disconnectPatch({ ...deleted, _state: active }))).toBe(
      ErrorCode.InvalidTransition,
    );
    expect(codeOf(() => reconnectPatch(deleted))).toBe(ErrorCode.InvalidTransition);
    expect(codeOf(() => markErrorPatch({ ...deleted, _state: active }, 'x'))).toBe(
      ErrorCode.InvalidTransition,
    );
  });

  it('names the action, type and state in the refusal', () => {
    try {
      reconnectPatch(channel(LineChannelType.whatsapp, disconnected));
      throw new Error('expected a refusal');
    } catch (caught) {
      expect((caught as OpenLinesError).details).toEqual({
        channelId: 'ch-1',
        action: 'reconnect',
        type: 'whatsapp',
        state: 'disconnected',
      });
    }
  });

  it('takes messages only on live channels', () => {
    expect(isLive(channel(LineChannelType.telegramBot, active))).toBe(true);
    expect(isLive(channel(LineChannelType.telegramBot, error))).toBe(true);
    expect(isLive(channel(LineChannelType.telegramBot, disconnected))).toBe(false);
    expect(
      isLive(channel(LineChannelType.telegramBot, active, { __deletedAt: '2024-01-01T00:00:00Z' })),
    ).toBe(false);
  });
});
