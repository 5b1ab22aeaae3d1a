import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import {
  copyLink,
  markUnreadFrom,
  quoteAndReply,
  reply,
  saveEdit,
  toggleReaction,
  toggleStar,
} from '../actions';
import { emojiGlyph } from '../emoji';
import { changeLabel, type Message, type Reaction } from '../model';
import { narrowToHash } from '../narrow';
import { canDelete, canEditContent, canEditTopic } from '../permissions';
import { safeHtml } from '../sanitize';
import { markAlertWords } from '../alert-words';
import { store } from '../store';
import { dialog, editing, showToast } from '../ui';
import { api } from '../api';
import { formatFull, formatTime, twentyFourHour } from '../time-format';
import { placePopup, type PopupPlace } from '../popup-position';
import { AVATAR_COLORS } from '../avatar-colors';

function Avatar({ userId, name, url }: { userId: number; name: string; url: string | null }) {
  const [failed, setFailed] = useState(false);
  // Only this server's own avatars load; a third-party (gravatar) URL would leak who reads what.
  if (url && url.startsWith('/') && !failed) {
    return <img className="avatar" src={url} alt="" onError={() => setFailed(true)} />;
  }
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
  return (
    <span
      className="avatar initials"
      aria-hidden="true"
      style={{ background: AVATAR_COLORS[userId % AVATAR_COLORS.length] }}
    >
      {initials || '?'}
    </span>
  );
}

export function RecipientBar({ message }: { message: Message }) {
  if (message.type === 'stream') {
    const stream = store.streams.get(message.stream_id ?? 0);
    const streamNarrow = [{ operator: 'stream', operand: String(message.stream_id) }];
    return (
      <div className="recipient-bar" style={{ borderColor: stream?.color }}>
        <a className="recipient-stream" href={narrowToHash(streamNarrow, store)}>
          <span
            className="recipient-swatch"
            style={{ background: stream?.color }}
            aria-hidden="true"
          />
          {stream?.invite_only ? '🔒 ' : '#'}
          {stream?.name ?? String(message.display_recipient)}
        </a>
        <span className="recipient-sep" aria-hidden="true">
          ›
        </span>
        <a
          className="recipient-topic"
          href={narrowToHash(
            [...streamNarrow, { operator: 'topic', operand: message.subject }],
            store,
          )}
        >
          {message.subject || '(no topic)'}
        </a>
      </div>
    );
  }
  const others = message.dmUserIds.filter((id) => id !== store.self.user_id);
  const names = (others.length ? others : [store.self.user_id]).map(
    (id) => store.userName(id) ?? `User ${id}`,
  );
  return (
    <div className="recipient-bar dm">
      <a
        href={narrowToHash(
          [{ operator: 'dm', operand: (others.length ? others : [store.self.user_id]).join(',') }],
          store,
        )}
      >
        Direct messages with {names.join(', ')}
      </a>
    </div>
  );
}

function reactionGroups(reactions: Reaction[]) {
  const groups = new Map<string, { name: string; code: string; type: string; users: number[] }>();
  for (const r of reactions) {
    const key = `${r.reaction_type}:${r.emoji_code}`;
    const group = groups.get(key) ?? {
      name: r.emoji_name,
      code: r.emoji_code,
      type: r.reaction_type,
      users: [],
    };
    group.users.push(r.user_id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function EmojiFace({ name, code, type }: { name: string; code: string; type: string }) {
  if (type === 'realm_emoji') {
    const custom = store.realm.realmEmoji[code];
    if (custom) return <img className="emoji" src={custom.source_url} alt={`:${name}:`} />;
  }
  if (type === 'unicode_emoji') return <span className="emoji">{emojiGlyph(code)}</span>;
  return <span className="emoji">:{name}:</span>;
}

function Reactions({ message }: { message: Message }) {
  const groups = reactionGroups(message.reactions);
  if (groups.length === 0) return null;
  return (
    <div className="reactions">
      {groups.map((g) => {
        const mine = g.users.includes(store.self.user_id);
        const who = g.users.map((id) => store.userName(id) ?? 'Someone').join(', ');
        return (
          <button
            key={`${g.type}:${g.code}`}
            className={`reaction${mine ? ' mine' : ''}`}
            aria-pressed={mine}
            aria-label={`${g.name}: ${g.users.length} (${who})`}
            title={`${who} reacted with :${g.name}:`}
            onClick={() => toggleReaction(message, { name: g.name, code: g.code, type: g.type })}
          >
            <EmojiFace name={g.name} code={g.code} type={g.type} />
            <span className="reaction-count">{g.users.length}</span>
          </button>
        );
      })}
      <button
        className="reaction add"
        aria-label="Add reaction"
        onClick={() => dialog.set({ kind: 'emoji', messageId: message.id })}
      >
        +
      </button>
    </div>
  );
}

/**
 * The message's menu, drawn over the whole page (a later message row would cover it otherwise)
 * beside its button: below it, or above it near the bottom of the window. Scrolling closes it.
 */
function ActionsMenu({
  message,
  anchor,
  close,
}: {
  message: Message;
  anchor: RefObject<HTMLButtonElement | null>;
  close: () => void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<PopupPlace | null>(null);
  useLayoutEffect(() => {
    const button = anchor.current?.getBoundingClientRect();
    const box = menu.current;
    if (!button || !box) return;
    setPlace(
      placePopup(
        button,
        { width: box.offsetWidth, height: box.offsetHeight },
        { width: window.innerWidth, height: window.innerHeight },
      ),
    );
  }, [anchor]);
  useEffect(() => {
    menu.current?.querySelector('button')?.focus();
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (menu.current?.contains(target) || anchor.current?.contains(target)) return;
      close();
    };
    const onScroll = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) close();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', close);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', close);
    };
  }, [close, anchor]);
  const editable = canEditContent(message, store.self, store.realm);
  const topicEditable = canEditTopic(message, store.self, store.realm);
  const item = (label: string, run: () => void) => (
    <button
      role="menuitem"
      onClick={() => {
        close();
        run();
      }}
    >
      {label}
    </button>
  );
  return createPortal(
    <div
      className="actions-menu"
      role="menu"
      aria-label="Message actions"
      ref={menu}
      style={place ?? { visibility: 'hidden', top: 0, right: 0 }}
      onKeyDown={(e) => {
        // Leaving the menu (it sits at the end of the page) puts focus back on its button.
        if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          e.stopPropagation();
          close();
          anchor.current?.focus();
        }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const buttons = [...(menu.current?.querySelectorAll('button') ?? [])];
          const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
          buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
        }
      }}
    >
      {item('Reply', () => reply(message))}
      {item('Quote and reply', () => void quoteAndReply(message))}
      {(editable || topicEditable) &&
        item(editable ? 'Edit message' : 'Edit topic', () => editing.set(message.id))}
      {topicEditable &&
        message.type === 'stream' &&
        item('Move messages', () => dialog.set({ kind: 'move', messageId: message.id }))}
      {item(message.flags.includes('starred') ? 'Unstar message' : 'Star message', () =>
        toggleStar(message),
      )}
      {item('Add reaction', () => dialog.set({ kind: 'emoji', messageId: message.id }))}
      {item('Copy link to message', () => copyLink(message))}
      {item('View source', () => dialog.set({ kind: 'source', messageId: message.id }))}
      {item('Mark as unread from here', () => markUnreadFrom(message))}
      {canDelete(message, store.self, store.realm) &&
        item('Delete message', () => dialog.set({ kind: 'delete', messageId: message.id }))}
    </div>,
    document.body,
  );
}

function MessageEditor({ message }: { message: Message }) {
  const editable = canEditContent(message, store.self, store.realm);
  const topicEditable = canEditTopic(message, store.self, store.realm);
  const [content, setContent] = useState<string | null>(null);
  const [topic, setTopic] = useState(message.subject);
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!editable) return;
    api<{ raw_content: string }>('GET', `/messages/${message.id}`, { apply_markdown: false }).then(
      (r) => {
        setContent(r.raw_content);
        setTimeout(() => box.current?.focus());
      },
      (e: Error) => showToast(e.message, true),
    );
  }, [editable, message.id]);
  const save = async () => {
    setSaving(true);
    try {
      await saveEdit(message, {
        content: editable && content !== null ? content : undefined,
        topic: topicEditable ? topic.trim() : undefined,
      });
      editing.set(null);
    } catch (err) {
      showToast((err as Error).message, true);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="message-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          editing.set(null);
        }
      }}
    >
      {topicEditable && (
        <label>
          Topic
          <input
            value={topic}
            maxLength={store.realm.maxTopicLength}
            onChange={(e) => setTopic(e.target.value)}
          />
        </label>
      )}
      {editable && (
        <label>
          Edit message
          <textarea
            ref={box}
            value={content ?? ''}
            disabled={content === null}
            rows={Math.min(12, Math.max(3, (content ?? '').split('\n').length + 1))}
            onChange={(e) => setContent(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void save();
              }
            }}
          />
        </label>
      )}
      <div className="editor-buttons">
        <button type="submit" className="primary" disabled={saving}>
          Save
        </button>
        <button type="button" onClick={() => editing.set(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The message's HTML, with the reader's alert words highlighted where the server flagged them. */
function RenderedContent({ message }: { message: Message }) {
  const box = useRef<HTMLDivElement>(null);
  const html = safeHtml(message.content);
  const alerted = message.flags.includes('has_alert_word');
  const words = alerted ? store.lists.alertWords : null;
  useEffect(() => {
    if (box.current && words) markAlertWords(box.current, words);
  }, [html, words]);
  return (
    <div
      ref={box}
      className="message-content rendered"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

export const MessageRow = memo(function MessageRow({
  message,
  showSender,
  selected,
  editing: isEditing,
  unread,
}: {
  message: Message;
  showSender: boolean;
  selected: boolean;
  editing: boolean;
  unread: boolean;
}) {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  // Redraws the times when the person switches between 12- and 24-hour time.
  twentyFourHour.use();
  const starred = message.flags.includes('starred');
  const change = changeLabel(message);
  const sender = store.users.get(message.sender_id);
  const name = sender?.full_name ?? message.sender_full_name;
  const classes = [
    'message',
    showSender ? 'with-sender' : 'continued',
    selected && 'selected',
    unread && 'unread',
    starred && 'starred',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <article
      className={classes}
      aria-label={`${name}, ${formatTime(message.timestamp)}`}
      data-message-id={message.id}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a, button, input, textarea')) return;
        store.setSelected(message.id);
      }}
    >
      <div className="message-gutter">
        {showSender ? (
          <Avatar
            userId={message.sender_id}
            name={name}
            url={sender?.avatar_url ?? message.avatar_url}
          />
        ) : (
          <time className="hover-time">{formatTime(message.timestamp)}</time>
        )}
      </div>
      <div className="message-body">
        {showSender && (
          <div className="message-header">
            <span className="sender">{name}</span>
            <time
              className="message-time"
              dateTime={new Date(message.timestamp * 1000).toISOString()}
              title={formatFull(message.timestamp)}
            >
              {formatTime(message.timestamp)}
            </time>
          </div>
        )}
        {isEditing ? <MessageEditor message={message} /> : <RenderedContent message={message} />}
        {change && (
          <button
            className="edited"
            aria-label={`${change === 'edited' ? 'Edited' : 'Moved'}: show edit history`}
            onClick={() => dialog.set({ kind: 'history', messageId: message.id })}
          >
            ({change})
          </button>
        )}
        <Reactions message={message} />
      </div>
      <div className="message-controls">
        <button
          className={`icon-button star${starred ? ' on' : ''}`}
          aria-label={starred ? 'Unstar message' : 'Star message'}
          aria-pressed={starred}
          onClick={() => toggleStar(message)}
        >
          {starred ? '★' : '☆'}
        </button>
        <button
          className="icon-button"
          aria-label="Add reaction"
          onClick={() => dialog.set({ kind: 'emoji', messageId: message.id })}
        >
          ☺
        </button>
        <button
          ref={menuButton}
          className="icon-button"
          aria-label="Message actions"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((o) => !o)}
        >
          ⋯
        </button>
        {menuOpen && <ActionsMenu message={message} anchor={menuButton} close={closeMenu} />}
      </div>
    </article>
  );
});
