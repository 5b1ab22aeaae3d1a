import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { applyTheme, theme } from './ui';
import './styles.css';

applyTheme(theme.get());
const root = document.getElementById('root');
/** `/join/<key>/`: the sign-up page of a reusable invitation link (no session yet). */
const JoinPage = lazy(() => import('./components/JoinPage').then((m) => ({ default: m.JoinPage })));
const joinKey = /^\/join\/([^/]+)\/?$/.exec(location.pathname)?.[1];

if (root) {
  createRoot(root).render(
    joinKey === undefined ? (
      <App />
    ) : (
      <Suspense fallback={null}>
        <JoinPage linkKey={decodeURIComponent(joinKey)} />
      </Suspense>
    ),
  );
}
