import { useEffect, useMemo, useRef, useState } from 'react';
import { narrowToHash, narrowToSearch, parseSearch } from '../narrow';
import { store, useSlices } from '../store';
import { rank } from '../typeahead';
import { SuggestionList, typeaheadKeys, useListboxId, type Suggestion } from './Typeahead';

const OPERATORS = [
  { text: 'is:starred', detail: 'Starred messages' },
  { text: 'is:mentioned', detail: 'Messages that mention you' },
  { text: 'is:dm', detail: 'Direct messages' },
  { text: 'is:unread', detail: 'Unread messages' },
  { text: 'has:link', detail: 'Messages with links' },
  { text: 'has:image', detail: 'Messages with images' },
  { text: 'has:attachment', detail: 'Messages with attachments' },
  { text: 'stream:', detail: 'Messages in a stream' },
  { text: 'topic:', detail: 'Messages in a topic' },
  { text: 'sender:', detail: 'Messages sent by someone' },
  { text: 'dm:', detail: 'Direct messages with someone' },
  { text: 'near:', detail: 'Around a message id' },
];

function quote(text: string): string {
  return /\s/.test(text) ? `"${text}"` : text;
}

/** What may complete the last word of the search text. */
export function searchSuggestions(text: string): Suggestion[] {
  const head = text.replace(/\S*$/, '');
  const last = text.slice(head.length);
  const op = /^(-?)(stream|channel|sender|dm|topic|from):(.*)$/i.exec(last);
  const out: Suggestion[] = [];
  if (op) {
    const [, minus, operator, query] = op;
    const kind = operator.toLowerCase();
    if (kind === 'stream' || kind === 'channel') {
      for (const s of rank([...store.streams.values()], query, (s) => [s.name])) {
        out.push({
          key: `s${s.stream_id}`,
          label: `${head}${minus}stream:${quote(s.name)}`,
          detail: 'Stream',
          icon: '#',
        });
      }
    } else if (kind === 'topic') {
      const streamName = /stream:("([^"]+)"|\S+)/.exec(head);
      const streamId = streamName ? store.streamId(streamName[2] ?? streamName[1]) : undefined;
      const topics =
        streamId !== undefined ? [...(store.topics.get(streamId)?.values() ?? [])] : [];
      for (const t of rank(topics, query, (t) => [t.name])) {
        out.push({
          key: `t${t.name}`,
          label: `${head}${minus}topic:${quote(t.name)}`,
          detail: 'Topic',
        });
      }
    } else {
      const people = [...store.users.values()].filter((u) => u.is_active);
      for (const u of rank(people, query, (u) => [u.full_name, u.email])) {
        out.push({
          key: `u${u.user_id}`,
          label: `${head}${minus}${kind === 'from' ? 'sender' : kind}:${u.email}`,
          detail: u.full_name,
          icon: '@',
        });
      }
    }
    return out;
  }
  if (last !== '') {
    out.push({ key: 'text', label: text, detail: 'Search', icon: '⌕' });
    for (const o of OPERATORS.filter(
      (o) => o.text.startsWith(last.toLowerCase()) && o.text !== last,
    )) {
      out.push({ key: o.text, label: `${head}${o.text}`, detail: o.detail });
    }
    for (const s of rank([...store.streams.values()], last, (s) => [s.name], 3)) {
      out.push({
        key: `s${s.stream_id}`,
        label: `${head}stream:${quote(s.name)}`,
        detail: 'Stream',
        icon: '#',
      });
    }
    for (const u of rank(
      [...store.users.values()].filter((u) => u.is_active),
      last,
      (u) => [u.full_name, u.email],
      3,
    )) {
      out.push({
        key: `u${u.user_id}`,
        label: `${head}sender:${u.email}`,
        detail: `Sent by ${u.full_name}`,
        icon: '@',
      });
    }
    return out.slice(0, 10);
  }
  return OPERATORS.slice(0, 7).map((o) => ({
    key: o.text,
    label: `${head}${o.text}`,
    detail: o.detail,
  }));
}

export function SearchBar() {
  useSlices('view', 'streams', 'users');
  const current = narrowToSearch(store.view.narrow, store);
  const [text, setText] = useState(current);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const listId = useListboxId();

  useEffect(() => {
    if (!focused) setText(current);
  }, [current, focused]);

  const items = useMemo(() => (focused ? searchSuggestions(text) : []), [text, focused]);

  const submit = (value: string) => {
    const narrow = parseSearch(value.trim(), store);
    location.hash = narrowToHash(narrow, store);
    setActive(-1);
    input.current?.blur();
  };

  const pick = (index: number) => {
    const label = items[index]?.label ?? text;
    if (label.endsWith(':')) {
      setText(label);
      setActive(-1);
      return;
    }
    setText(`${label} `);
    setActive(-1);
    if (items[index]?.key === 'text') submit(label);
  };

  return (
    <form
      className="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        submit(text);
      }}
    >
      <input
        ref={input}
        id="search-input"
        type="search"
        aria-label="Search"
        placeholder="Search"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={items.length > 0 ? listId : undefined}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(-1);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText(current);
            input.current?.blur();
            return;
          }
          if (active >= 0)
            typeaheadKeys(e, items.length, active, setActive, pick, () => setActive(-1));
          else if (e.key === 'ArrowDown' && items.length > 0) {
            e.preventDefault();
            setActive(0);
          }
        }}
      />
      {focused && (
        <SuggestionList
          id={listId}
          items={items}
          active={active}
          onPick={pick}
          label="Suggestions"
        />
      )}
    </form>
  );
}
