import { describe, expect, it } from 'vitest';
import type { BridgeHealthReport } from '@hub/api/bridge.types';
import { ago, bridgeStatus } from './bridge-status';

const report = (over: Partial<BridgeHealthReport> = {}): BridgeHealthReport => ({
  bot_id: 1,
  bot_email: 'irc-bot@example.com',
  bot_full_name: 'IRC bridge',
  protocol: 'irc',
  remote_state: 'connected',
  chat_connected: true,
  queue_to_chat: 0,
  queue_to_remote: 0,
  last_message_to_chat: null,
  last_message_to_remote: null,
  mappings: [{ remote: '#dev', stream: 'dev', joined: true }],
  report_interval: 60,
  reported_at: 1_767_225_600,
  stale: false,
  ...over,
});

describe('bridgeStatus', () => {
  it('says what matters most first: silence, then the remote side, then chat, then channels', () => {
    expect(bridgeStatus(report())).toEqual({ label: 'Connected', tone: 'ok' });
    expect(bridgeStatus(report({ stale: true, remote_state: 'connecting' }))).toEqual({
      label: 'Not reporting',
      tone: 'down',
    });
    expect(bridgeStatus(report({ remote_state: 'stopped' })).tone).toBe('down');
    expect(bridgeStatus(report({ remote_state: 'disconnected' })).label).toBe('Reconnecting');
    expect(bridgeStatus(report({ chat_connected: false })).label).toBe('Chat server unreachable');
    expect(
      bridgeStatus(report({ mappings: [{ remote: '#dev', stream: 'dev', joined: false }] })).label,
    ).toBe('Partly joined');
  });
});

describe('ago', () => {
  it('rounds to the largest unit', () => {
    const now = 1_000_000 * 1000;
    expect(ago(null, now)).toBe('never');
    expect(ago(1_000_000 - 12, now)).toBe('12 s ago');
    expect(ago(1_000_000 - 300, now)).toBe('5 min ago');
    expect(ago(1_000_000 - 3 * 3600, now)).toBe('3 h ago');
    expect(ago(1_000_000 - 2 * 86_400, now)).toBe('2 d ago');
    expect(ago(1_000_000 + 5, now)).toBe('0 s ago');
  });
});
