import { signal } from './signal';

export type Dialog =
  | { kind: 'help' }
  | { kind: 'drafts' }
  | { kind: 'history'; messageId: number }
  | { kind: 'source'; messageId: number }
  | { kind: 'move'; messageId: number }
  | { kind: 'emoji'; messageId: number }
  | { kind: 'delete'; messageId: number };

export const dialog = signal<Dialog | null>(null);

/** Which message is being edited in place. */
export const editing = signal<number | null>(null);

/** On phones the sidebars are drawers. */
export const drawer = signal<'left' | 'right' | null>(null);

/** The chosen theme; `auto` follows the system's light or dark preference. */
export type Theme = 'light' | 'dark' | 'auto';

function initialTheme(): Theme {
  const saved = localStorage.getItem('theme');
  return saved === 'light' || saved === 'dark' ? saved : 'auto';
}

export const theme = signal<Theme>(initialTheme());

/** The theme actually shown. */
export function resolveTheme(value: Theme): 'light' | 'dark' {
  if (value !== 'auto') return value;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(value: Theme): void {
  document.documentElement.dataset.theme = resolveTheme(value);
  localStorage.setItem('theme', value);
}

/**
 * The overlay the URL names: settings (`#settings/<section>`, `#organization/<section>`) or the
 * integration hub (`#integrations/<section>`).
 */
export interface Overlay {
  area: 'settings' | 'organization' | 'integrations';
  section: string;
}

export const overlay = signal<Overlay | null>(null);

const DEFAULT_SECTION: Record<Overlay['area'], string> = {
  settings: 'profile',
  organization: 'organization-settings',
  integrations: 'catalogue',
};

export function overlayFromHash(hash: string): Overlay | null {
  const match = /^#(settings|organization|integrations)(?:\/([\w-]+))?/.exec(hash);
  if (!match) return null;
  const area = match[1] as Overlay['area'];
  return { area, section: match[2] ?? DEFAULT_SECTION[area] };
}

/** A short message at the bottom of the screen (errors of actions, "Link copied"). */
export const toast = signal<{ text: string; error: boolean; id: number } | null>(null);

let toastId = 0;
export function showToast(text: string, error = false): void {
  const id = ++toastId;
  toast.set({ text, error, id });
  setTimeout(() => toast.set((t) => (t?.id === id ? null : t)), 4000);
}

/** Where the chat was before a settings page opened, to go back there on close. */
let chatHash = '';

export function rememberChatHash(hash: string): void {
  chatHash = hash;
}

export function closeOverlay(): void {
  location.hash = chatHash || '#all_messages';
}
