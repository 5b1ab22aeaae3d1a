import { useId } from 'react';

export interface Suggestion {
  key: string;
  label: string;
  detail?: string;
  icon?: string;
}

/** The list under a field that completes it (a WAI-ARIA listbox the field controls). */
export function SuggestionList({
  id,
  items,
  active,
  onPick,
  label,
}: {
  id: string;
  items: Suggestion[];
  active: number;
  onPick: (index: number) => void;
  label: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="typeahead" id={id} role="listbox" aria-label={label}>
      {items.map((item, index) => (
        <li
          key={item.key}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(index);
          }}
        >
          {item.icon && (
            <span className="typeahead-icon" aria-hidden="true">
              {item.icon}
            </span>
          )}
          <span className="typeahead-label">{item.label}</span>
          {item.detail && <span className="typeahead-detail">{item.detail}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Keyboard handling shared by the fields with suggestions: arrows move, Enter/Tab pick, Escape closes. */
export function typeaheadKeys(
  e: React.KeyboardEvent,
  count: number,
  active: number,
  setActive: (i: number) => void,
  pick: (i: number) => void,
  close: () => void,
): boolean {
  if (count === 0) return false;
  if (e.key === 'ArrowDown') setActive((active + 1) % count);
  else if (e.key === 'ArrowUp') setActive((active - 1 + count) % count);
  else if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') pick(active);
  else if (e.key === 'Escape') close();
  else return false;
  e.preventDefault();
  e.stopPropagation();
  return true;
}

export function useListboxId(): string {
  return `lb${useId().replace(/:/g, '')}`;
}
