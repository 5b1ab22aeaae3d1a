import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { deleteMessage, toggleReaction } from '../actions';
import { deleteDraft, drafts, restoreDraft } from '../compose';
import { emojiGlyph, loadEmoji, POPULAR, type Emoji } from '../emoji';
import { narrowConversation, narrowToHash } from '../narrow';
import { safeHtml } from '../sanitize';
import { SHORTCUTS } from '../shortcuts';
import { store, useSlices } from '../store';
import { rank } from '../typeahead';
import { dialog, showToast } from '../ui';

function Modal({
  title,
  children,
  wide,
}: {
  title: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('input, button, textarea, [tabindex]');
    (first ?? box.current)?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && dialog.set(null)}
    >
      <div
        className={`modal${wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="modal-title"
        ref={box}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            dialog.set(null);
          }
        }}
      >
        <div className="modal-head">
          <h2 id="modal-title">{title}</h2>
          <button className="icon-button" aria-label="Close" onClick={() => dialog.set(null)}>
            ×
          </button>
        </div>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}

function Help() {
  return (
    <Modal title="Keyboard shortcuts" wide>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                {keys.split(' or ').map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

interface HistoryEntry {
  timestamp: number;
  user_id: number | null;
  rendered_content?: string;
  topic?: string;
  prev_topic?: string;
}

function History({ id }: { id: number }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    api<{ message_history: HistoryEntry[] }>('GET', `/messages/${id}/history`).then(
      (r) => setEntries(r.message_history),
      (e: Error) => showToast(e.message, true),
    );
  }, [id]);
  return (
    <Modal title="Message edit history" wide>
      {entries === null && <p role="status">Loading…</p>}
      <ol className="history">
        {entries?.map((entry, i) => (
          <li key={i}>
            <div className="history-meta">
              {i === 0 ? 'Original' : 'Edited'} by{' '}
              {entry.user_id !== null ? (store.userName(entry.user_id) ?? 'someone') : 'someone'},{' '}
              {new Date(entry.timestamp * 1000).toLocaleString()}
              {entry.prev_topic !== undefined && ` (topic: ${entry.prev_topic} → ${entry.topic})`}
            </div>
            {entry.rendered_content !== undefined && (
              <div
                className="rendered"
                dangerouslySetInnerHTML={{ __html: safeHtml(entry.rendered_content) }}
              />
            )}
          </li>
        ))}
      </ol>
    </Modal>
  );
}

function Source({ id }: { id: number }) {
  const [raw, setRaw] = useState<string | null>(null);
  useEffect(() => {
    api<{ raw_content: string }>('GET', `/messages/${id}`, { apply_markdown: false }).then(
      (r) => setRaw(r.raw_content),
      (e: Error) => showToast(e.message, true),
    );
  }, [id]);
  return (
    <Modal title="Message source" wide>
      <pre className="source">{raw ?? 'Loading…'}</pre>
    </Modal>
  );
}

function Move({ id }: { id: number }) {
  const message = store.messages.get(id);
  const [topic, setTopic] = useState(message?.subject ?? '');
  const [stream, setStream] = useState(String(message?.stream_id ?? ''));
  const [mode, setMode] = useState('change_all');
  if (!message) return null;
  const submit = async () => {
    const params: Record<string, unknown> = { propagate_mode: mode };
    if (topic.trim() !== message.subject) params.topic = topic.trim();
    if (Number(stream) !== message.stream_id) params.stream_id = Number(stream);
    if (Object.keys(params).length === 1) return dialog.set(null);
    try {
      await api('PATCH', `/messages/${id}`, params);
      dialog.set(null);
      // Moving the topic being read (not just one message): the view follows it.
      const conv = narrowConversation(store.view.narrow);
      const reading =
        conv.streamId === message.stream_id &&
        conv.topic !== undefined &&
        conv.topic.toLowerCase() === message.subject.toLowerCase();
      if (reading && mode !== 'change_one') {
        location.hash = narrowToHash(
          [
            { operator: 'stream', operand: stream },
            { operator: 'topic', operand: topic.trim() },
          ],
          store,
        );
      }
    } catch (err) {
      showToast((err as Error).message, true);
    }
  };
  const streams = [...store.streams.values()].filter((s) => s.subscribed);
  return (
    <Modal title="Move messages">
      <form
        className="stacked"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          Stream
          <select value={stream} onChange={(e) => setStream(e.target.value)}>
            {streams.map((s) => (
              <option key={s.stream_id} value={s.stream_id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Topic
          <input
            value={topic}
            maxLength={store.realm.maxTopicLength}
            onChange={(e) => setTopic(e.target.value)}
          />
        </label>
        <label>
          Which messages
          <select value={mode} onChange={(e) => setMode(e.target.value)}>
            <option value="change_one">Only this message</option>
            <option value="change_later">This and later messages</option>
            <option value="change_all">All messages in the topic</option>
          </select>
        </label>
        <button type="submit" className="primary">
          Move
        </button>
      </form>
    </Modal>
  );
}

function Delete({ id }: { id: number }) {
  return (
    <Modal title="Delete message">
      <p>This message will be deleted for everyone. This cannot be undone.</p>
      <div className="editor-buttons">
        <button
          className="primary danger"
          onClick={() =>
            deleteMessage(id).then(
              () => dialog.set(null),
              (e: Error) => showToast(e.message, true),
            )
          }
        >
          Delete
        </button>
        <button onClick={() => dialog.set(null)}>Cancel</button>
      </div>
    </Modal>
  );
}

function EmojiPicker({ id }: { id: number }) {
  useSlices('messages');
  const [list, setList] = useState<Emoji[]>([]);
  const [query, setQuery] = useState('');
  useEffect(() => {
    void loadEmoji().then(setList);
  }, []);
  const message = store.messages.get(id);
  const shown = useMemo(
    () => (query ? rank(list, query, (e) => e.names, 120) : list.slice(0, 240)),
    [list, query],
  );
  if (!message) return null;
  const choose = (name: string, code: string, type = 'unicode_emoji') => {
    toggleReaction(message, { name, code, type });
    dialog.set(null);
  };
  const custom = Object.entries(store.realm.realmEmoji).filter(([, e]) => !e.deactivated);
  return (
    <Modal title="Add reaction" wide>
      <input
        className="emoji-search"
        type="search"
        aria-label="Search emoji"
        placeholder="Search emoji"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {!query && (
        <div className="emoji-grid" role="group" aria-label="Popular">
          {POPULAR.map((e) => (
            <button
              key={e.code}
              aria-label={e.name}
              title={`:${e.name}:`}
              onClick={() => choose(e.name, e.code)}
            >
              {emojiGlyph(e.code)}
            </button>
          ))}
          {custom.map(([code, e]) => (
            <button
              key={code}
              aria-label={e.name}
              title={`:${e.name}:`}
              onClick={() => choose(e.name, code, 'realm_emoji')}
            >
              <img className="emoji" src={e.source_url} alt="" />
            </button>
          ))}
        </div>
      )}
      <div className="emoji-grid" role="group" aria-label={query ? 'Results' : 'All emoji'}>
        {list.length === 0 && <p role="status">Loading…</p>}
        {shown.map((e) => (
          <button
            key={e.code}
            aria-label={e.names[0].replace(/_/g, ' ')}
            title={`:${e.names[0]}:`}
            onClick={() => choose(e.names[0], e.code)}
          >
            {emojiGlyph(e.code)}
          </button>
        ))}
      </div>
    </Modal>
  );
}

function Drafts() {
  const list = drafts.use();
  return (
    <Modal title="Drafts" wide>
      {list.length === 0 && (
        <p>No drafts. Whatever you type in the compose box is saved here as you type.</p>
      )}
      <ul className="drafts">
        {list.map((d) => (
          <li key={d.id}>
            <div className="draft-to">
              {d.type === 'stream'
                ? `#${d.stream} › ${d.topic || '(no topic)'}`
                : `To ${d.to.map((id) => store.userName(id) ?? id).join(', ')}`}
              <span className="draft-time"> · {new Date(d.timestamp * 1000).toLocaleString()}</span>
            </div>
            <p className="draft-content">{d.content}</p>
            <div className="editor-buttons">
              <button
                className="primary"
                onClick={() => {
                  restoreDraft(d);
                  dialog.set(null);
                }}
              >
                Restore
              </button>
              <button onClick={() => deleteDraft(d.id)}>Delete</button>
            </div>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

export default function Dialogs() {
  const open = dialog.use();
  if (!open) return null;
  switch (open.kind) {
    case 'help':
      return <Help />;
    case 'history':
      return <History id={open.messageId} />;
    case 'source':
      return <Source id={open.messageId} />;
    case 'move':
      return <Move id={open.messageId} />;
    case 'delete':
      return <Delete id={open.messageId} />;
    case 'emoji':
      return <EmojiPicker id={open.messageId} />;
    case 'drafts':
      return <Drafts />;
  }
}
