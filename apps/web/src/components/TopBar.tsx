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
        aria-label="Streams and conversations"
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
        👥
      </button>
      <button className="text-button" onClick={() => void logout()}>
        Log out
      </button>
    </header>
  );
}
