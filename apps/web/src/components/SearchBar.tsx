import { useEffect, useMemo, useRef, useState } from 'react';
import { narrowToHash, narrowToSearch, parseSearch } from '../narrow';
import { store, useSlices } from '../store';
import { searchSuggestions, type SearchSource } from '../search-suggestions';
import { SuggestionList, typeaheadKeys, useListboxId } from './Typeahead';

/** What the suggestions draw on: the client's streams, topics and people. */
const source: SearchSource = {
  streams: () => [...store.streams.values()],
  topics: (streamId) => [...(store.topics.get(streamId)?.values() ?? [])],
  people: () => [...store.users.values()].filter((u) => u.is_active),
  streamId: (name) => store.streamId(name),
};

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

  const items = useMemo(() => (focused ? searchSuggestions(text, source) : []), [text, focused]);

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
