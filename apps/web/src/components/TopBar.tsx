import { useEffect, useRef, useState } from 'react';
import { logout } from '../api';
import { store, useSlices } from '../store';
import { chooseTheme } from '../display-settings';
import { dialog, drawer, resolveTheme, showToast, theme } from '../ui';
import { SearchBar } from './SearchBar';

/** The gear menu: personal settings, and the organization's for administrators. */
function SettingsMenu() {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    box.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div
      className="settings-menu"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
        // A menu's items are reached with the arrow keys.
        if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
          e.preventDefault();
          const items = [
            ...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
          ];
          const i = items.indexOf(document.activeElement as HTMLElement);
          const step = e.key === 'ArrowDown' ? 1 : items.length - 1;
          items[(i + step) % items.length]?.focus();
        }
      }}
    >
      <button
        className="icon-button"
        aria-label="Settings menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="12" cy="12" r="3" />
          <path d="M19.4 15a1.7 1.7 0 00.3 1.8l.1.1a2 2 0 11-2.8 2.8l-.1-.1a1.7 1.7 0 00-1.8-.3 1.7 1.7 0 00-1 1.5V21a2 2 0 11-4 0v-.1a1.7 1.7 0 00-1.1-1.5 1.7 1.7 0 00-1.8.3l-.1.1a2 2 0 11-2.8-2.8l.1-.1a1.7 1.7 0 00.3-1.8 1.7 1.7 0 00-1.5-1H3a2 2 0 110-4h.1a1.7 1.7 0 001.5-1.1 1.7 1.7 0 00-.3-1.8l-.1-.1a2 2 0 112.8-2.8l.1.1a1.7 1.7 0 001.8.3H9a1.7 1.7 0 001-1.5V3a2 2 0 114 0v.1a1.7 1.7 0 001 1.5 1.7 1.7 0 001.8-.3l.1-.1a2 2 0 112.8 2.8l-.1.1a1.7 1.7 0 00-.3 1.8V9a1.7 1.7 0 001.5 1H21a2 2 0 110 4h-.1a1.7 1.7 0 00-1.5 1z" />
        </svg>
      </button>
      {open && (
        <div className="menu settings-menu-list" role="menu" aria-label="Settings">
          <a role="menuitem" href="#settings/profile" onClick={() => setOpen(false)}>
            Personal settings
          </a>
          {store.self.is_admin && (
            <a
              role="menuitem"
              href="#organization/organization-settings"
              onClick={() => setOpen(false)}
            >
              Organization settings
            </a>
          )}
          <a role="menuitem" href="#integrations" onClick={() => setOpen(false)}>
            Integrations
          </a>
          <button
            role="menuitem"
            onClick={() => {
              setOpen(false);
              dialog.set({ kind: 'help' });
            }}
          >
            Keyboard shortcuts
          </button>
          <button role="menuitem" onClick={() => void logout()}>
            Log out
          </button>
        </div>
      )}
    </div>
  );
}

const CONNECTION_LABEL = {
  connecting: 'Connecting…',
  live: 'Connected',
  reconnecting: 'Reconnecting…',
  polling: 'Connected (polling)',
};

export function TopBar() {
  useSlices('connection', 'unread', 'realm');
  const currentTheme = resolveTheme(theme.use());
  return (
    <header className="topbar">
      <button
        className="icon-button only-phone"
        aria-label="Conversations"
        onClick={() => drawer.set((d) => (d === 'left' ? null : 'left'))}
      >
        ☰
      </button>
      <a className="brand" href="#all_messages" title={store.realm.name}>
        {store.realm.name || 'Zulip Hub'}
      </a>
      <SearchBar />
      <span
        className={`connection ${store.connection}`}
        role="status"
        aria-live="polite"
        title={CONNECTION_LABEL[store.connection]}
      >
        <span className="dot" aria-hidden="true" />
        <span className="connection-text">{CONNECTION_LABEL[store.connection]}</span>
      </span>
      <button
        className="icon-button"
        aria-label={currentTheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        onClick={() =>
          chooseTheme(currentTheme === 'dark' ? 'light' : 'dark').catch((err: unknown) =>
            showToast((err as Error).message, true),
          )
        }
      >
        {currentTheme === 'dark' ? '☀' : '☾'}
      </button>
      <button
        className="icon-button not-phone"
        aria-label="Keyboard shortcuts"
        onClick={() => dialog.set({ kind: 'help' })}
      >
        ?
      </button>
      <SettingsMenu />
      <button
        className="icon-button only-phone"
        aria-label="People"
        onClick={() => drawer.set((d) => (d === 'right' ? null : 'right'))}
      >
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="9" cy="8" r="3.5" />
          <path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5M16 4.8a3.5 3.5 0 010 6.4M18 14.8c1.8.7 3 2.4 3.5 5.2" />
        </svg>
      </button>
      {/* On a phone, Log out is in the gear menu: the search field keeps the room. */}
      <button className="text-button not-phone" onClick={() => void logout()}>
        Log out
      </button>
    </header>
  );
}
