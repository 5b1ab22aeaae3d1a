import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { buildRows, type FeedRow } from '../feed';
import type { Message } from '../model';
import { conversationKey } from '../model';
import { narrowConversation } from '../narrow';
import { scrollRequest } from '../scroll';
import { store, useSlices } from '../store';
import { formatDay } from '../time-format';
import { editing } from '../ui';
import { MessageRow, RecipientBar } from './MessageRow';

const NEAR_EDGE_PX = 600;

function rowKind(row: FeedRow): string {
  if (row.kind !== 'message') return row.kind;
  return row.showSender ? 'message-with-sender' : 'message';
}

function noteHeight(heights: Map<string, number>, kind: string, height: number): void {
  if (height <= 0) return;
  const known = heights.get(kind);
  if (known === undefined || height < known) heights.set(kind, height);
}

function TypingNotice() {
  useSlices('typing', 'view', 'users');
  const conv = narrowConversation(store.view.narrow);
  let key: string | null = null;
  if (conv.dm)
    key = conversationKey(
      { type: 'private', dmUserIds: [...conv.dm, store.self.user_id], subject: '' },
      store.self.user_id,
    );
  else if (conv.streamId !== undefined && conv.topic !== undefined)
    key = `stream:${conv.streamId}:${conv.topic.toLowerCase()}`;
  const who = key ? store.typingIn(key) : [];
  return (
    <div className="typing-notice" aria-live="polite">
      {who.length > 0 &&
        `${who.map((id) => store.userName(id) ?? 'Someone').join(', ')} ${who.length > 1 ? 'are' : 'is'} typing…`}
    </div>
  );
}

export function Feed() {
  useSlices('view', 'messages', 'users', 'streams', 'unread');
  const editingId = editing.use();
  const request = scrollRequest.use();
  const parent = useRef<HTMLDivElement>(null);
  const view = store.view;
  const messagesVersion = store.version('messages');

  const rows: FeedRow[] = useMemo(() => {
    const list = view.ids
      .map((id) => store.messages.get(id))
      .filter((m): m is Message => m !== undefined);
    return buildRows(list, store.self.user_id);
  }, [view.ids, messagesVersion]);

  // The virtualizer recomputes every row's offset below a row whose measured height differs from
  // its estimate: tens of thousands of rows per frame while scrolling up a long narrow. Estimating
  // each kind of row by the smallest height measured for it (a one-line message, a recipient
  // bar) makes most measurements agree with the estimate, so they cost nothing.
  const typicalHeight = useRef(new Map<string, number>());
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: (i) => {
      const row = rows[i];
      const kind = row ? rowKind(row) : 'message';
      return typicalHeight.current.get(kind) ?? (kind === 'message-with-sender' ? 64 : 36);
    },
    getItemKey: (i) => rows[i]?.key ?? i,
    measureElement: (el, entry, instance) => {
      const size = measureElement(el, entry, instance);
      const kind = (el as HTMLElement).dataset.kind;
      if (kind) noteHeight(typicalHeight.current, kind, size);
      return size;
    },
    overscan: 6,
  });

  const indexOfMessage = useCallback(
    (id: number) => rows.findIndex((r) => r.kind === 'message' && r.message.id === id),
    [rows],
  );

  // Scroll bookkeeping between renders.
  const state = useRef({
    generation: -1,
    atBottom: true,
    firstKey: '',
    lastCount: 0,
    /** The first message on screen and how far below the top edge it sits. */
    keep: null as { key: string; delta: number } | null,
  });

  // Place the view at its anchor when it opens.
  useLayoutEffect(() => {
    const s = state.current;
    if (view.loading === 'initial' || rows.length === 0) return;
    if (s.generation === view.generation) return;
    s.generation = view.generation;
    const anchor = view.anchorId !== null ? indexOfMessage(view.anchorId) : -1;
    const last = rows.length - 1;
    if (anchor < 0 || anchor >= last - 1) {
      virtualizer.scrollToIndex(last, { align: 'end' });
      s.atBottom = true;
    } else {
      virtualizer.scrollToIndex(Math.max(0, anchor - 1), { align: 'start' });
      s.atBottom = false;
    }
    s.lastCount = rows.length;
    s.firstKey = rows[0]?.key ?? '';
  }, [view.generation, view.loading, view.anchorId, rows, virtualizer, indexOfMessage]);

  // Keep the reader's place when older messages load above, and follow new ones at the bottom.
  useLayoutEffect(() => {
    const s = state.current;
    const el = parent.current;
    if (s.generation !== view.generation || rows.length === 0 || !el) return;
    const firstKey = rows[0].key;
    if (firstKey !== s.firstKey && s.firstKey && s.keep) {
      const kept = rows.findIndex((r) => r.key === s.keep?.key);
      if (kept >= 0) {
        const [offset] = virtualizer.getOffsetForIndex(kept, 'start') ?? [0];
        virtualizer.scrollToOffset(offset - s.keep.delta);
      }
    } else if (rows.length > s.lastCount && s.atBottom) {
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
    s.firstKey = firstKey;
    s.lastCount = rows.length;
    // Still at an edge after a page arrived: no scroll event will come to ask for the next one.
    if (el.scrollTop < NEAR_EDGE_PX) void store.loadOlder();
  }, [rows, view.generation, virtualizer]);

  // A jump (to a message, or to the one just sent, which may arrive a moment later) happens once,
  // in the view it was asked in: later messages do not pull the reader back to it.
  const jump = useRef<{ n: number; generation: number; done: boolean } | null>(null);
  useEffect(() => {
    if (!request) return;
    if (jump.current?.n !== request.n)
      jump.current = { n: request.n, generation: view.generation, done: false };
    const pending = jump.current;
    if (pending.done || pending.generation !== view.generation) return;
    const index = indexOfMessage(request.id);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    pending.done = true;
  }, [request, indexOfMessage, virtualizer, view.generation]);

  const markVisible = useCallback(() => {
    const el = parent.current;
    // Read means on screen: a hidden tab (or a minimized window) marks nothing read.
    if (!el || document.visibilityState !== 'visible') return;
    const top = el.scrollTop;
    const bottom = top + el.clientHeight;
    const visible: number[] = [];
    for (const item of virtualizer.getVirtualItems()) {
      const row = rows[item.index];
      if (row?.kind !== 'message') continue;
      if (item.start < bottom && item.end > top + 4) visible.push(row.message.id);
    }
    if (visible.length > 0) void store.markSeen(visible).catch(() => undefined);
  }, [rows, virtualizer]);

  useEffect(() => {
    const timer = setTimeout(markVisible, 400);
    return () => clearTimeout(timer);
  }, [markVisible, view.generation]);

  useEffect(() => {
    const onFocus = () => markVisible();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [markVisible]);

  const readTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onScroll = () => {
    const el = parent.current;
    if (!el) return;
    const s = state.current;
    s.atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    const onScreen = virtualizer
      .getVirtualItems()
      .find((item) => item.end > el.scrollTop && rows[item.index]?.kind === 'message');
    s.keep = onScreen
      ? { key: rows[onScreen.index].key, delta: onScreen.start - el.scrollTop }
      : null;
    if (el.scrollTop < NEAR_EDGE_PX) void store.loadOlder();
    if (el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_EDGE_PX) void store.loadNewer();
    clearTimeout(readTimer.current);
    readTimer.current = setTimeout(markVisible, 250);
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="feed-wrap">
      <div className="feed" ref={parent} onScroll={onScroll} tabIndex={-1} data-testid="feed">
        {view.loading === 'older' && (
          <div className="feed-loading" role="status">
            Loading older messages…
          </div>
        )}
        {rows.length === 0 && view.loading !== 'initial' && (
          <div className="feed-empty">
            {view.error ? `Could not load messages: ${view.error}` : 'No messages here yet.'}
          </div>
        )}
        {rows.length === 0 && view.loading === 'initial' && (
          <div className="feed-empty" role="status">
            Loading messages…
          </div>
        )}
        <div className="feed-inner" style={{ height: virtualizer.getTotalSize() }}>
          <div
            className="feed-window"
            style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
          >
            {items.map((item) => {
              const row = rows[item.index];
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  data-kind={rowKind(row)}
                  ref={virtualizer.measureElement}
                  className="feed-row"
                >
                  {row.kind === 'date' && (
                    <div
                      className="date-separator"
                      role="separator"
                      aria-label={formatDay(row.timestamp)}
                    >
                      <span>{formatDay(row.timestamp)}</span>
                    </div>
                  )}
                  {row.kind === 'recipient' && <RecipientBar message={row.message} />}
                  {row.kind === 'message' && (
                    <MessageRow
                      message={row.message}
                      showSender={row.showSender}
                      selected={store.selectedId === row.message.id}
                      editing={editingId === row.message.id}
                      unread={store.unread.has(row.message.id)}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <TypingNotice />
    </div>
  );
}
