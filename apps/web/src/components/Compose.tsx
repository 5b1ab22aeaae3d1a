import { useEffect, useMemo, useRef, useState } from 'react';
import { api, uploadFile } from '../api';
import {
  compose,
  noteTyping,
  openCompose,
  scheduleDraftSave,
  send,
  type ComposeState,
} from '../compose';
import { emojiGlyph, loadEmoji, type Emoji } from '../emoji';
import { narrowConversation } from '../narrow';
import { safeHtml } from '../sanitize';
import { store, useSlices } from '../store';
import { complete, personMention, rank, tokenAt, WILDCARDS, type Token } from '../typeahead';
import { dialog, showToast } from '../ui';
import { SuggestionList, typeaheadKeys, useListboxId, type Suggestion } from './Typeahead';

function update(changes: Partial<ComposeState>): void {
  compose.set((c) => ({ ...c, ...changes }));
}

/** Follows the open narrow while the compose box is empty, as Zulip's does. */
function useRecipientFromNarrow(): void {
  useSlices('view');
  const generation = store.view.generation;
  useEffect(() => {
    const c = compose.get();
    if (c.content.trim() !== '') return;
    const conv = narrowConversation(store.view.narrow);
    if (conv.dm) update({ mode: 'dm', to: conv.dm });
    else if (conv.streamId !== undefined) {
      update({
        mode: 'stream',
        stream: store.streamName(conv.streamId) ?? '',
        topic: conv.topic ?? '',
      });
    }
  }, [generation]);
}

function useEmojiList(active: boolean): Emoji[] {
  const [list, setList] = useState<Emoji[]>([]);
  useEffect(() => {
    if (active && list.length === 0) void loadEmoji().then(setList);
  }, [active, list.length]);
  return list;
}

/** Suggestions for the token being typed in the message. */
function messageSuggestions(
  token: Token | null,
  emoji: Emoji[],
  streamName: string,
): Array<Suggestion & { insert: string }> {
  if (!token) return [];
  if (token.kind === 'person') {
    const people = [...store.users.values()].filter((u) => u.is_active);
    const names = new Map<string, number>();
    for (const u of people) names.set(u.full_name, (names.get(u.full_name) ?? 0) + 1);
    const out: Array<Suggestion & { insert: string }> = rank(people, token.query, (u) => [
      u.full_name,
      u.email,
    ]).map((u) => ({
      key: `u${u.user_id}`,
      label: u.full_name,
      detail: u.email,
      icon: '@',
      insert: personMention(u.full_name, u.user_id, (names.get(u.full_name) ?? 0) > 1),
    }));
    for (const g of rank(store.groups, token.query, (g) => [g.name], 3)) {
      out.push({
        key: `g${g.id}`,
        label: g.name,
        detail: g.description || 'User group',
        icon: '👥',
        insert: `@*${g.name}*`,
      });
    }
    for (const w of rank(WILDCARDS, token.query, (w) => [w.name], 2)) {
      out.push({
        key: `w${w.name}`,
        label: w.name,
        detail: w.description,
        icon: '@',
        insert: `@**${w.name}**`,
      });
    }
    return out.slice(0, 10);
  }
  if (token.kind === 'stream') {
    return rank(
      [...store.streams.values()].filter((s) => s.subscribed || !s.invite_only),
      token.query,
      (s) => [s.name],
    ).map((s) => ({
      key: `s${s.stream_id}`,
      label: s.name,
      detail: s.description,
      icon: '#',
      insert: `#**${s.name}**`,
    }));
  }
  if (token.kind === 'topic') {
    const id = store.streamId(token.stream ?? streamName);
    const topics = id !== undefined ? [...(store.topics.get(id)?.values() ?? [])] : [];
    return rank(topics, token.query, (t) => [t.name]).map((t) => ({
      key: `t${t.name}`,
      label: t.name,
      icon: '›',
      insert: `#**${token.stream}>${t.name}**`,
    }));
  }
  const realm = Object.values(store.realm.realmEmoji)
    .filter((e) => !e.deactivated)
    .map((e) => ({
      names: [e.name],
      code: e.name,
      category: 'Custom',
      type: 'realm_emoji' as const,
      url: e.source_url,
    }));
  return rank([...realm, ...emoji], token.query, (e) => e.names).map((e) => ({
    key: `e${e.code}`,
    label: `:${e.names[0]}:`,
    icon: e.type === 'unicode_emoji' ? emojiGlyph(e.code) : '★',
    insert: `:${e.names[0]}:`,
  }));
}

function StreamField({ value }: { value: string }) {
  useSlices('streams');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useListboxId();
  const items: Suggestion[] = open
    ? rank(
        [...store.streams.values()].filter((s) => s.subscribed),
        value,
        (s) => [s.name],
      ).map((s) => ({ key: String(s.stream_id), label: s.name, icon: s.invite_only ? '🔒' : '#' }))
    : [];
  const pick = (i: number) => {
    const name = items[i]?.label;
    if (name) {
      update({ stream: name });
      void store.loadTopics(store.streamId(name) ?? 0);
    }
    setOpen(false);
    openCompose({}, 'topic');
  };
  return (
    <div className="field stream-field">
      <label htmlFor="compose-stream">Stream</label>
      <input
        id="compose-stream"
        value={value}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={items.length > 0 ? id : undefined}
        aria-activedescendant={items.length ? `${id}-${active}` : undefined}
        onChange={(e) => {
          update({ stream: e.target.value });
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) =>
          typeaheadKeys(e, items.length, active, setActive, pick, () => setOpen(false))
        }
      />
      <SuggestionList id={id} items={items} active={active} onPick={pick} label="Streams" />
    </div>
  );
}

function TopicField({ value, stream }: { value: string; stream: string }) {
  useSlices('topics');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useListboxId();
  const streamId = store.streamId(stream);
  const items: Suggestion[] =
    open && streamId !== undefined
      ? rank(
          [...(store.topics.get(streamId)?.values() ?? [])].sort((a, b) => b.maxId - a.maxId),
          value,
          (t) => [t.name],
        )
          .filter((t) => t.name !== value)
          .map((t) => ({ key: t.name, label: t.name, icon: '›' }))
      : [];
  const pick = (i: number) => {
    const name = items[i]?.label;
    if (name) update({ topic: name });
    setOpen(false);
    openCompose({}, 'message');
  };
  return (
    <div className="field topic-field">
      <label htmlFor="compose-topic">Topic</label>
      <input
        id="compose-topic"
        value={value}
        maxLength={store.realm.maxTopicLength}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={items.length > 0 ? id : undefined}
        aria-activedescendant={items.length ? `${id}-${active}` : undefined}
        onChange={(e) => {
          update({ topic: e.target.value });
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => {
          setOpen(true);
          if (streamId !== undefined) void store.loadTopics(streamId);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) =>
          typeaheadKeys(e, items.length, active, setActive, pick, () => setOpen(false))
        }
      />
      <SuggestionList id={id} items={items} active={active} onPick={pick} label="Topics" />
    </div>
  );
}

function RecipientsField({ to }: { to: number[] }) {
  useSlices('users');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const id = useListboxId();
  const people = [...store.users.values()].filter((u) => u.is_active && !to.includes(u.user_id));
  const items: Suggestion[] = query
    ? rank(people, query, (u) => [u.full_name, u.email]).map((u) => ({
        key: String(u.user_id),
        label: u.full_name,
        detail: u.email,
      }))
    : [];
  const pick = (i: number) => {
    const chosen = items[i];
    if (chosen) update({ to: [...to, Number(chosen.key)] });
    setQuery('');
  };
  return (
    <div className="field to-field">
      <label htmlFor="compose-to">To</label>
      <div className="pills">
        {to.map((userId) => (
          <span className="pill" key={userId}>
            {store.userName(userId) ?? `User ${userId}`}
            <button
              type="button"
              aria-label={`Remove ${store.userName(userId) ?? 'recipient'}`}
              onClick={() => update({ to: to.filter((x) => x !== userId) })}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id="compose-to"
          value={query}
          autoComplete="off"
          placeholder={to.length ? '' : 'Add one or more people'}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={items.length > 0}
          aria-controls={items.length > 0 ? id : undefined}
          aria-activedescendant={items.length ? `${id}-${active}` : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Backspace' && query === '' && to.length > 0)
              update({ to: to.slice(0, -1) });
            else typeaheadKeys(e, items.length, active, setActive, pick, () => setQuery(''));
          }}
        />
      </div>
      <SuggestionList id={id} items={items} active={active} onPick={pick} label="People" />
    </div>
  );
}

export function Compose() {
  useRecipientFromNarrow();
  const c = compose.use();
  const box = useRef<HTMLTextAreaElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const [cursor, setCursor] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const listId = useListboxId();

  const token = useMemo(() => tokenAt(c.content, cursor), [c.content, cursor]);
  const emoji = useEmojiList(token?.kind === 'emoji');
  const items = useMemo(
    () => (token && dismissed !== token.start ? messageSuggestions(token, emoji, c.stream) : []),
    // Re-rank when the emoji list arrives.
    [token, emoji, c.stream, dismissed],
  );

  useEffect(() => {
    if (!c.focus) return;
    const target = {
      stream: 'compose-stream',
      topic: 'compose-topic',
      to: 'compose-to',
      message: 'compose-message',
    }[c.focus.field];
    setTimeout(() => document.getElementById(target)?.focus());
  }, [c.focus]);

  const setContent = (content: string, caret?: number) => {
    update({ content });
    scheduleDraftSave();
    if (caret !== undefined) {
      setCursor(caret);
      requestAnimationFrame(() => box.current?.setSelectionRange(caret, caret));
    }
  };

  const pick = (index: number) => {
    const item = items[index];
    if (!item || !token) return;
    const done = complete(c.content, token, item.insert);
    setContent(done.text, done.cursor);
  };

  const submit = async () => {
    if (sending) return;
    setSending(true);
    try {
      await send();
      setPreview(null);
    } catch (err) {
      showToast((err as Error).message, true);
    } finally {
      setSending(false);
      box.current?.focus();
    }
  };

  const upload = async (list: FileList | File[]) => {
    for (const file of [...list]) {
      const placeholder = `[Uploading ${file.name}…]()`;
      const current = compose.get().content;
      const at = box.current?.selectionStart ?? current.length;
      const before = current.slice(0, at);
      // Each link stands apart from the text (and the other uploads) before it.
      const space = before === '' || /\s$/.test(before) ? '' : ' ';
      setContent(`${before}${space}${placeholder}${current.slice(at)}`);
      try {
        const done = await uploadFile(file);
        const link = `[${file.name}](${done.url})`;
        setContent(compose.get().content.replace(placeholder, link));
      } catch (err) {
        setContent(compose.get().content.replace(placeholder, ''));
        showToast(`Upload of ${file.name} failed: ${(err as Error).message}`, true);
      }
    }
  };

  const togglePreview = async () => {
    if (preview !== null) {
      setPreview(null);
      return;
    }
    try {
      const reply = await api<{ rendered: string }>('POST', '/messages/render', {
        content: c.content || ' ',
      });
      setPreview(reply.rendered);
    } catch (err) {
      showToast((err as Error).message, true);
    }
  };

  return (
    <section
      className={`compose${dragging ? ' dragging' : ''}`}
      aria-label="Compose"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        setDragging(false);
        if (e.dataTransfer.files.length > 0) {
          e.preventDefault();
          void upload(e.dataTransfer.files);
        }
      }}
    >
      <div className="compose-mode" role="group" aria-label="Message type">
        <button
          type="button"
          aria-pressed={c.mode === 'stream'}
          onClick={() => openCompose({ mode: 'stream' })}
        >
          Stream message
        </button>
        <button
          type="button"
          aria-pressed={c.mode === 'dm'}
          onClick={() => openCompose({ mode: 'dm' })}
        >
          Direct message
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="compose-recipient">
          {c.mode === 'stream' ? (
            <>
              <StreamField value={c.stream} />
              <TopicField value={c.topic} stream={c.stream} />
            </>
          ) : (
            <RecipientsField to={c.to} />
          )}
        </div>
        <div className="compose-body">
          <label htmlFor="compose-message" className="visually-hidden">
            Message
          </label>
          {preview !== null ? (
            <div
              className="compose-preview rendered"
              role="region"
              aria-label="Preview"
              dangerouslySetInnerHTML={{ __html: safeHtml(preview) }}
            />
          ) : (
            <textarea
              id="compose-message"
              ref={box}
              placeholder={
                c.mode === 'stream'
                  ? `Message #${c.stream || '…'}${c.topic ? ` › ${c.topic}` : ''}`
                  : 'Direct message'
              }
              value={c.content}
              rows={Math.min(10, Math.max(2, c.content.split('\n').length))}
              maxLength={store.realm.maxMessageLength}
              aria-autocomplete="list"
              aria-controls={items.length > 0 ? listId : undefined}
              aria-activedescendant={items.length ? `${listId}-${active}` : undefined}
              onChange={(e) => {
                setContent(e.target.value);
                setCursor(e.target.selectionStart);
                setActive(0);
                setDismissed(null);
                noteTyping();
              }}
              onSelect={(e) => setCursor((e.target as HTMLTextAreaElement).selectionStart)}
              onKeyDown={(e) => {
                if (
                  items.length > 0 &&
                  typeaheadKeys(e, items.length, active, setActive, pick, () =>
                    setDismissed(token?.start ?? null),
                  )
                )
                  return;
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  void submit();
                }
                if (e.key === 'Escape') box.current?.blur();
              }}
              onPaste={(e) => {
                if (e.clipboardData.files.length > 0) {
                  e.preventDefault();
                  void upload(e.clipboardData.files);
                }
              }}
            />
          )}
          <SuggestionList
            id={listId}
            items={items}
            active={active}
            onPick={pick}
            label="Suggestions"
          />
        </div>
        <div className="compose-toolbar">
          <input
            ref={files}
            type="file"
            multiple
            hidden
            aria-hidden="true"
            tabIndex={-1}
            onChange={(e) => e.target.files && void upload(e.target.files)}
          />
          <button
            type="button"
            className="icon-button"
            aria-label="Upload files"
            onClick={() => files.current?.click()}
          >
            <svg
              width="18"
              height="18"
              viewBox="0 0 24 24"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            >
              <path d="M21 11.5l-8.6 8.6a5.5 5.5 0 01-7.8-7.8l8.6-8.6a3.7 3.7 0 015.2 5.2l-8.6 8.6a1.8 1.8 0 01-2.6-2.6l7.9-7.9" />
            </svg>
          </button>
          <button
            type="button"
            className="text-button"
            aria-pressed={preview !== null}
            onClick={() => void togglePreview()}
          >
            {preview !== null ? 'Edit' : 'Preview'}
          </button>
          <button
            type="button"
            className="text-button"
            onClick={() => dialog.set({ kind: 'drafts' })}
          >
            Drafts
          </button>
          <span className="compose-hint">Enter to send, Shift+Enter for a new line</span>
          <button type="submit" className="primary send" disabled={sending}>
            Send
          </button>
        </div>
      </form>
    </section>
  );
}
