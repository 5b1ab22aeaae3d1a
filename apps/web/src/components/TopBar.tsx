import { logout } from '../api';
import { store, useSlices } from '../store';
import { dialog, drawer, theme } from '../ui';
import { SearchBar } from './SearchBar';

const CONNECTION_LABEL = {
  connecting: 'Connecting…',
  live: 'Connected',
  reconnecting: 'Reconnecting…',
  polling: 'Connected (polling)',
};

export function TopBar() {
  useSlices('connection', 'unread');
  const currentTheme = theme.use();
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
        onClick={() => theme.set(currentTheme === 'dark' ? 'light' : 'dark')}
      >
        {currentTheme === 'dark' ? '☀' : '☾'}
      </button>
      <button
        className="icon-button"
        aria-label="Keyboard shortcuts"
        onClick={() => dialog.set({ kind: 'help' })}
      >
        ?
      </button>
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
      <button className="text-button" onClick={() => void logout()}>
        Log out
      </button>
    </header>
  );
}
