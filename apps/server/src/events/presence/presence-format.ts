import type { PresenceRow } from './presence.repository';

function seconds(date: Date | null): number {
  return date ? Math.floor(new Date(date).getTime() / 1000) : 0;
}

/** Timestamps of a presence row: when last active, and when last connected at all. */
export function presenceTimes(row: PresenceRow): { active: number; idle: number } {
  return { active: seconds(row.last_active_time), idle: seconds(row.last_connected_time) };
}

/** One user's legacy presence: per client, plus `aggregated`. */
export function legacyPresence(row: PresenceRow) {
  const { active, idle } = presenceTimes(row);
  const status = row.status === 'active' ? 'active' : 'idle';
  const timestamp = status === 'active' ? active : idle;
  return {
    [row.client]: { client: row.client, status, timestamp, pushable: false },
    aggregated: { client: row.client, status, timestamp },
  };
}

/**
 * The realm's presence as `/register` and `GET /realm/presence` report it: keyed by user id with
 * `active_timestamp`/`idle_timestamp` (`slim_presence`), else keyed by email in the legacy form.
 */
export function formatPresences(rows: PresenceRow[], slim: boolean) {
  if (slim) {
    return Object.fromEntries(
      rows.map((row) => {
        const { active, idle } = presenceTimes(row);
        return [String(row.user_id), { active_timestamp: active, idle_timestamp: idle }];
      }),
    );
  }
  return Object.fromEntries(rows.map((row) => [row.email, legacyPresence(row)]));
}
