import { useState } from 'react';
import { narrowToHash, type Narrow } from '../narrow';
import { store, useSlices } from '../store';
import { dialog } from '../ui';
import { showToast } from '../ui';

function hashOf(narrow: Narrow): string {
  return narrowToHash(narrow, store);
}

function Count({ n, label }: { n: number; label: string }) {
  if (n <= 0) return null;
  // "1 unread message", "2 unread messages".
  const noun = n === 1 ? label.replace(/s$/, '') : label;
  return (
    <span className="count" aria-label={`${n} unread${noun ? ` ${noun}` : ''}`}>
      {n}
    </span>
  );
}

function isCurrent(narrow: Narrow): boolean {
  return hashOf(narrow) === hashOf(store.view.narrow);
}

function NavLink({
  narrow,
  children,
  className,
}: {
  narrow: Narrow;
  children: React.ReactNode;
  className?: string;
}) {
  const current = isCurrent(narrow);
  return (
    <a
      href={hashOf(narrow)}
      className={`${className ?? ''}${current ? ' current' : ''}`}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </a>
  );
}

/** The names of a DM conversation key's people. */
export function dmTitle(key: string): string {
  const ids = key.slice(3).split(',').map(Number);
  return ids.map((id) => store.userName(id) ?? `User ${id}`).join(', ');
}

export function LeftSidebar() {
  useSlices('unread', 'streams', 'topics', 'view', 'users', 'messages');
  const [filter, setFilter] = useState('');
  const counts = store.unread.counts();
  const viewStream = store.view.narrow.find((t) => t.operator === 'stream')?.operand;
  const streams = [...store.streams.values()]
    .filter((s) => s.subscribed && s.name.toLowerCase().includes(filter.toLowerCase()))
    .sort((a, b) => Number(b.pin_to_top) - Number(a.pin_to_top) || a.name.localeCompare(b.name));
  const dms = [...store.recentDms.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);

  return (
    <nav className="left-sidebar" aria-label="Conversations">
      <ul className="views">
        <li>
          <NavLink narrow={[]}>
            <span className="label">All messages</span>
            <Count n={counts.total} label="messages" />
          </NavLink>
        </li>
        <li>
          <NavLink narrow={[{ operator: 'is', operand: 'dm' }]}>
            <span className="label">Direct messages</span>
            <Count n={counts.dms} label="direct messages" />
          </NavLink>
        </li>
        <li>
          <NavLink narrow={[{ operator: 'is', operand: 'mentioned' }]}>
            <span className="label">Mentions</span>
            <Count n={counts.mentions} label="mentions" />
          </NavLink>
        </li>
        <li>
          <NavLink narrow={[{ operator: 'is', operand: 'starred' }]}>
            <span className="label">Starred messages</span>
          </NavLink>
        </li>
        <li>
          <button className="link-button" onClick={() => dialog.set({ kind: 'drafts' })}>
            Drafts
          </button>
        </li>
      </ul>
      {counts.total > 0 && (
        <button
          className="text-button mark-all"
          onClick={() =>
            store.markAllRead().then(
              () => showToast('All messages marked as read'),
              (e: Error) => showToast(e.message, true),
            )
          }
        >
          Mark all as read
        </button>
      )}
      <h2 className="sidebar-heading">Streams</h2>
      <input
        id="stream-filter"
        className="sidebar-filter"
        type="search"
        aria-label="Filter streams"
        placeholder="Filter streams"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="streams">
        {streams.map((s) => {
          const open = viewStream === String(s.stream_id);
          const topics = open
            ? [...(store.topics.get(s.stream_id)?.values() ?? [])]
                .sort((a, b) => b.maxId - a.maxId)
                .slice(0, 12)
            : [];
          return (
            <li key={s.stream_id} className={s.is_muted ? 'muted' : undefined}>
              <NavLink
                narrow={[{ operator: 'stream', operand: String(s.stream_id) }]}
                className="stream-link"
              >
                <span className="stream-swatch" style={{ background: s.color }} aria-hidden="true">
                  {s.invite_only ? '🔒' : '#'}
                </span>
                <span className="label">{s.name}</span>
                <Count n={counts.streams.get(s.stream_id) ?? 0} label="messages" />
              </NavLink>
              {topics.length > 0 && (
                <ul className="topics">
                  {topics.map((t) => (
                    <li key={t.name}>
                      <NavLink
                        narrow={[
                          { operator: 'stream', operand: String(s.stream_id) },
                          { operator: 'topic', operand: t.name },
                        ]}
                      >
                        <span className="label">{t.name || '(no topic)'}</span>
                        <Count
                          n={
                            counts.conversations.get(
                              `stream:${s.stream_id}:${t.name.toLowerCase()}`,
                            ) ?? 0
                          }
                          label="messages"
                        />
                      </NavLink>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
        {streams.length === 0 && <li className="empty">No streams{filter ? ' match' : ''}.</li>}
      </ul>
      <h2 className="sidebar-heading">Direct messages</h2>
      <ul className="dms">
        {dms.map(([key]) => (
          <li key={key}>
            <NavLink narrow={[{ operator: 'dm', operand: key.slice(3) }]}>
              <span className="label">{dmTitle(key)}</span>
              <Count n={counts.conversations.get(key) ?? 0} label="messages" />
            </NavLink>
          </li>
        ))}
        {dms.length === 0 && <li className="empty">No conversations yet.</li>}
      </ul>
    </nav>
  );
}
