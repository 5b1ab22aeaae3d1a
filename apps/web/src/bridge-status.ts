import type { BridgeHealthReport } from '@hub/api/bridge.types';

export type BridgeTone = 'ok' | 'warning' | 'down';

/** What one bridge's newest report means, in a word and a tone (the row's colour). */
export function bridgeStatus(report: BridgeHealthReport): { label: string; tone: BridgeTone } {
  if (report.stale) return { label: 'Not reporting', tone: 'down' };
  if (report.remote_state === 'stopped') return { label: 'Stopped', tone: 'down' };
  if (report.remote_state !== 'connected') return { label: 'Reconnecting', tone: 'warning' };
  if (!report.chat_connected) return { label: 'Chat server unreachable', tone: 'warning' };
  if (report.mappings.some((m) => !m.joined)) return { label: 'Partly joined', tone: 'warning' };
  return { label: 'Connected', tone: 'ok' };
}

/** "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "never" for no time. */
export function ago(timestamp: number | null, now = Date.now()): string {
  if (timestamp === null) return 'never';
  const seconds = Math.max(0, Math.round(now / 1000 - timestamp));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
