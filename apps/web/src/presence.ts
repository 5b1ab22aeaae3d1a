import { api } from './api';
import { store } from './store';

const PING_MS = 60_000;

/** Reports this person as active (or idle, when the tab is hidden) every minute, as Zulip does. */
export function startPresence(): () => void {
  let stopped = false;
  const ping = async (newInput: boolean) => {
    if (stopped) return;
    try {
      const reply = await api<{ presences?: Record<string, unknown>; server_timestamp?: number }>(
        'POST',
        '/users/me/presence',
        {
          status: document.visibilityState === 'visible' ? 'active' : 'idle',
          new_user_input: newInput,
          slim_presence: true,
        },
      );
      if (reply.presences) {
        store.applyEvents([
          {
            id: -1,
            type: 'presence_snapshot',
            presences: reply.presences,
            server_timestamp: reply.server_timestamp,
          },
        ]);
      }
    } catch {
      // The next ping tries again.
    }
  };
  void ping(true);
  const timer = setInterval(() => void ping(false), PING_MS);
  const onVisible = () => {
    if (document.visibilityState === 'visible') void ping(true);
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    stopped = true;
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
