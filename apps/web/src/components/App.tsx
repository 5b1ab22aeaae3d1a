import { lazy, Suspense, useEffect, useState } from 'react';
import { EventConnection } from '../events';
import { loadServerDrafts } from '../compose';
import { hashToNarrow, sameNarrow } from '../narrow';
import { store, useSlices } from '../store';
import {
  applyTheme,
  dialog,
  drawer,
  overlay,
  overlayFromHash,
  rememberChatHash,
  theme,
  toast,
} from '../ui';
import { startPresence } from '../presence';
import { useShortcuts } from '../shortcuts';
import { TopBar } from './TopBar';
import { LeftSidebar } from './LeftSidebar';
import { PeopleList } from './PeopleList';
import { Feed } from './Feed';
import { Compose } from './Compose';
import { NarrowHeader } from './NarrowHeader';

const Dialogs = lazy(() => import('./Dialogs'));
const Settings = lazy(() => import('./settings/Settings'));
const Integrations = lazy(() => import('./integrations/Integrations'));

/** The running event connection (tests and the bench reach it through the page only). */
let connection: EventConnection | null = null;

function socketUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/v1/events/socket`;
}

/** Opens the view the URL names (and follows back/forward). */
function useHashRouting(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const open = () => {
      // `#settings/…` and `#organization/…` open over the chat, which stays as it was.
      const settings = overlayFromHash(location.hash);
      overlay.set(settings);
      if (settings) return;
      rememberChatHash(location.hash);
      const narrow = hashToNarrow(location.hash, store) ?? [];
      if (store.view.generation > 0 && sameNarrow(narrow, store.view.narrow)) return;
      drawer.set(null);
      void store.openView(narrow);
      for (const term of narrow) {
        if (term.operator === 'stream' && /^\d+$/.test(term.operand))
          void store.loadTopics(Number(term.operand));
      }
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [ready]);
}

export function App() {
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const currentTheme = theme.use();
  const openDialog = dialog.use();
  const message = toast.use();
  const openDrawer = drawer.use();
  const openOverlay = overlay.use();
  useSlices('connection');

  useEffect(() => applyTheme(currentTheme), [currentTheme]);

  useEffect(() => {
    connection = new EventConnection(
      {
        onRegistered(state, reconnect) {
          store.init(state);
          setReady(true);
          if (!('recent_private_conversations' in state))
            void store.loadRecentDms().catch(() => undefined);
          if (reconnect) void store.openView(store.view.narrow);
        },
        onEvents: (events) => store.applyEvents(events),
        onState: (state) => store.setConnection(state),
      },
      socketUrl(),
    );
    connection.start().catch((err: unknown) => setFailed((err as Error).message));
    void loadServerDrafts();
    void store.loadGroups();
    const stopPresence = startPresence();
    return () => {
      stopPresence();
      connection?.stop();
    };
  }, []);

  useHashRouting(ready);
  useShortcuts(ready);

  if (failed) {
    return (
      <div className="loading" role="alert">
        Could not load: {failed}. <a href="/">Try again</a>
      </div>
    );
  }
  if (!ready)
    return (
      <div className="loading" role="status">
        Loading…
      </div>
    );

  return (
    <div className={`app${openDrawer ? ` drawer-${openDrawer}` : ''}`}>
      <TopBar />
      {store.connection === 'reconnecting' && (
        <div className="connection-banner" role="status">
          Reconnecting… messages sent meanwhile will appear when the connection is back.
        </div>
      )}
      <LeftSidebar />
      <main className="center" aria-label="Messages">
        <NarrowHeader />
        <Feed />
        <Compose />
      </main>
      <PeopleList />
      {openDrawer && (
        <button
          className="drawer-scrim"
          aria-label="Close panel"
          onClick={() => drawer.set(null)}
        />
      )}
      {openDialog && (
        <Suspense fallback={null}>
          <Dialogs />
        </Suspense>
      )}
      {openOverlay && (
        <Suspense
          fallback={
            <div className="loading" role="status">
              Loading settings…
            </div>
          }
        >
          {openOverlay.area === 'integrations' ? (
            <Integrations section={openOverlay.section} />
          ) : (
            <Settings area={openOverlay.area} section={openOverlay.section} />
          )}
        </Suspense>
      )}
      {message && (
        <div
          className={`toast${message.error ? ' error' : ''}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </div>
      )}
    </div>
  );
}
