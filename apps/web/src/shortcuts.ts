import { useEffect } from 'react';
import { reply, replyToAuthor, toggleReaction, toggleStar } from './actions';
import { openCompose } from './compose';
import { narrowToHash } from './narrow';
import { jumpTo } from './scroll';
import { store } from './store';
import { closeOverlay, dialog, editing, overlay } from './ui';
import { canEditContent, canEditTopic } from './permissions';
import { elementOwnsKey, isTextField } from './key-target';

/** The shortcuts Zulip's help center lists, as the help panel shows them. */
export const SHORTCUTS: Array<[string, string]> = [
  ['?', 'Show keyboard shortcuts'],
  ['/', 'Search messages'],
  ['Esc', 'Close a dialog, cancel, or go back to all messages'],
  ['c', 'New stream message'],
  ['x', 'New direct message'],
  ['r or Enter', 'Reply to the selected message'],
  ['R', 'Reply to the author directly'],
  ['j or ↓', 'Next message'],
  ['k or ↑', 'Previous message'],
  ['End', 'Latest message'],
  ['Home', 'Oldest loaded message'],
  ['n', 'Next unread topic'],
  ['p', 'Next unread direct message conversation'],
  ['s', 'Narrow to the selected message’s stream, then its topic'],
  ['e', 'Edit the selected message'],
  ['*', 'Star or unstar the selected message'],
  ['+', 'React with 👍 to the selected message'],
  ['q', 'Filter streams'],
  ['w', 'Filter people'],
  ['d', 'Drafts'],
];

function typingInField(target: EventTarget | null): boolean {
  return isTextField(target as HTMLElement | null);
}

function moveSelection(step: number): void {
  const ids = store.view.ids;
  if (ids.length === 0) return;
  const index = store.selectedId !== null ? ids.indexOf(store.selectedId) : -1;
  const next =
    index < 0
      ? step > 0
        ? ids.length - 1
        : 0
      : Math.max(0, Math.min(ids.length - 1, index + step));
  jumpTo(ids[next]);
}

/** The conversation keys in sidebar order, for `n` and `p`. */
function nextUnread(kind: 'stream' | 'dm'): void {
  const counts = store.unread.counts();
  const keys = [...counts.conversations.keys()].filter((k) =>
    k.startsWith(kind === 'dm' ? 'dm:' : 'stream:'),
  );
  if (keys.length === 0) return;
  const found = store.unread.firstIn(
    keys.sort((a, b) => store.unread.idsIn(a)[0] - store.unread.idsIn(b)[0]),
  );
  if (!found) return;
  const place = store.unread.place(found.id);
  if (!place) return;
  const narrow =
    place.streamId !== null
      ? [
          { operator: 'stream', operand: String(place.streamId) },
          { operator: 'topic', operand: place.topic },
        ]
      : [{ operator: 'dm', operand: found.key.slice(3) }];
  location.hash = narrowToHash(narrow, store);
}

export function handleShortcut(e: KeyboardEvent): boolean {
  // A key the focused control (or a menu's own handler) has already acted on is not a shortcut.
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return false;
  if (e.key === 'Escape') {
    if (dialog.get()) dialog.set(null);
    else if (overlay.get()) {
      if (typingInField(e.target)) (e.target as HTMLElement).blur();
      else closeOverlay();
    } else if (editing.get() !== null) editing.set(null);
    else if (typingInField(e.target)) (e.target as HTMLElement).blur();
    else if (store.view.narrow.length > 0) location.hash = '#all_messages';
    else return false;
    return true;
  }
  if (elementOwnsKey(e.target as HTMLElement | null, e.key) || dialog.get() || overlay.get())
    return false;
  const selected = store.selectedId !== null ? store.messages.get(store.selectedId) : undefined;
  switch (e.key) {
    case '?':
      dialog.set({ kind: 'help' });
      return true;
    case '/':
      document.getElementById('search-input')?.focus();
      return true;
    case 'c': {
      const s = selected?.type === 'stream' ? store.streamName(selected.stream_id ?? 0) : undefined;
      openCompose(
        { mode: 'stream', ...(s ? { stream: s, topic: '' } : {}) },
        s ? 'topic' : 'stream',
      );
      return true;
    }
    case 'x':
      openCompose({ mode: 'dm', to: [] }, 'to');
      return true;
    case 'r':
    case 'Enter':
      if (!selected) return false;
      reply(selected);
      return true;
    case 'R':
      if (!selected) return false;
      replyToAuthor(selected);
      return true;
    case 'j':
    case 'ArrowDown':
      moveSelection(1);
      return true;
    case 'k':
    case 'ArrowUp':
      moveSelection(-1);
      return true;
    case 'End':
      if (store.view.ids.length) jumpTo(store.view.ids[store.view.ids.length - 1]);
      return true;
    case 'Home':
      if (store.view.ids.length) jumpTo(store.view.ids[0]);
      return true;
    case 'n':
      nextUnread('stream');
      return true;
    case 'p':
      nextUnread('dm');
      return true;
    case 's': {
      if (!selected) return false;
      if (selected.type !== 'stream') {
        location.hash = narrowToHash(
          [
            {
              operator: 'dm',
              operand: selected.dmUserIds.filter((id) => id !== store.self.user_id).join(','),
            },
          ],
          store,
        );
        return true;
      }
      const stream = { operator: 'stream', operand: String(selected.stream_id) };
      const inStream = store.view.narrow.length === 1 && store.view.narrow[0].operator === 'stream';
      location.hash = narrowToHash(
        inStream ? [stream, { operator: 'topic', operand: selected.subject }] : [stream],
        store,
      );
      return true;
    }
    case 'e':
      if (!selected) return false;
      if (
        canEditContent(selected, store.self, store.realm) ||
        canEditTopic(selected, store.self, store.realm)
      )
        editing.set(selected.id);
      return true;
    case '*':
      if (!selected) return false;
      toggleStar(selected);
      return true;
    case '+':
      if (!selected) return false;
      toggleReaction(selected, { name: '+1', code: '1f44d' });
      return true;
    case 'q':
      document.getElementById('stream-filter')?.focus();
      return true;
    case 'w':
      document.getElementById('people-filter')?.focus();
      return true;
    case 'd':
      dialog.set({ kind: 'drafts' });
      return true;
    default:
      return false;
  }
}

export function useShortcuts(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (handleShortcut(e)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active]);
}
