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

export type Theme = 'light' | 'dark';

function initialTheme(): Theme {
  const saved = localStorage.getItem('theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const theme = signal<Theme>(initialTheme());

export function applyTheme(value: Theme): void {
  document.documentElement.dataset.theme = value;
  localStorage.setItem('theme', value);
}

/** A short message at the bottom of the screen (errors of actions, "Link copied"). */
export const toast = signal<{ text: string; error: boolean; id: number } | null>(null);

let toastId = 0;
export function showToast(text: string, error = false): void {
  const id = ++toastId;
  toast.set({ text, error, id });
  setTimeout(() => toast.set((t) => (t?.id === id ? null : t)), 4000);
}
