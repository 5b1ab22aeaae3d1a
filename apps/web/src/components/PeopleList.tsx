import { useState } from 'react';
import { store, useSlices } from '../store';
import { narrowToHash } from '../narrow';
import type { PresenceStatus } from '../model';

const STATUS_LABEL: Record<PresenceStatus, string> = {
  active: 'Active',
  idle: 'Idle',
  offline: 'Offline',
};
const ORDER: Record<PresenceStatus, number> = { active: 0, idle: 1, offline: 2 };

export function PeopleList() {
  useSlices('users', 'presence');
  const [filter, setFilter] = useState('');
  const q = filter.toLowerCase();
  const people = [...store.users.values()]
    .filter((u) => u.is_active && !u.is_bot)
    .filter((u) => !q || u.full_name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q))
    .map((u) => ({
      user: u,
      status:
        u.user_id === store.self.user_id
          ? ('active' as const)
          : (store.presence.get(u.user_id)?.status ?? 'offline'),
    }))
    .sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] || a.user.full_name.localeCompare(b.user.full_name),
    );
  return (
    <aside className="right-sidebar" aria-label="People">
      <h2 className="sidebar-heading">People</h2>
      <input
        id="people-filter"
        className="sidebar-filter"
        type="search"
        aria-label="Filter people"
        placeholder="Filter people"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="people">
        {people.map(({ user, status }) => (
          <li key={user.user_id}>
            <a
              href={narrowToHash([{ operator: 'dm', operand: String(user.user_id) }], store)}
              title={user.email}
            >
              <span className={`presence ${status}`} role="img" aria-label={STATUS_LABEL[status]} />
              <span className="label">
                {user.full_name}
                {user.user_id === store.self.user_id ? ' (you)' : ''}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
