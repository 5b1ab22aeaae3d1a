import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { applyTheme, theme } from './ui';
import './styles.css';

applyTheme(theme.get());
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
