import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { api } from '../../api';
import { store, useSlices, type Slice } from '../../store';

/** Zulip's roles, most powerful first. */
export const ROLES: Array<[number, string]> = [
  [100, 'Owner'],
  [200, 'Administrator'],
  [300, 'Moderator'],
  [400, 'Member'],
  [600, 'Guest'],
];

/** What an action in a settings form is doing: idle, busy, done with a note, or failed. */
export interface ActionState {
  busy: boolean;
  note: string | null;
  error: string | null;
  run(work: () => Promise<string | null | void>): Promise<void>;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    note,
    error,
    async run(work) {
      setBusy(true);
      setNote(null);
      setError(null);
      try {
        setNote((await work()) ?? null);
      } catch (err) {
        setError((err as Error).message);
      } finally {
        setBusy(false);
      }
    },
  };
}

/** The outcome line under a form: a status when it worked, an alert when it did not. */
export function Outcome({ action }: { action: ActionState }) {
  if (action.error)
    return (
      <p className="form-error" role="alert">
        {action.error}
      </p>
    );
  return (
    <p className="form-note" role="status">
      {action.note ?? ''}
    </p>
  );
}

/** Saves `text` as a file named `filename` (a `.zuliprc`). */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The `.zuliprc` text (INI, section `[api]`) that Zulip's clients and bots read. */
export function zuliprcText(email: string, key: string, site: string): string {
  return `[api]\nemail=${email}\nkey=${key}\nsite=${site}\n`;
}

/**
 * A settings form: an optional heading, its fields, one submit button and the outcome line.
 * `onSubmit` returns the note to show when it worked.
 */
export function SettingsForm({
  title,
  submit,
  action,
  onSubmit,
  children,
  actions,
  disabled = false,
}: {
  title?: string;
  submit: string;
  action: ActionState;
  onSubmit: () => Promise<string | null | void>;
  children: ReactNode;
  /** Buttons beside the submit button. */
  actions?: ReactNode;
  /** The submit button is off (nothing to submit yet). */
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <form
      className="settings-form"
      aria-labelledby={title ? `${id}-title` : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(onSubmit);
      }}
    >
      {title && <h3 id={`${id}-title`}>{title}</h3>}
      {children}
      <div className="form-actions">
        <button className="primary" type="submit" disabled={action.busy || disabled}>
          {submit}
        </button>
        {actions}
      </div>
      <Outcome action={action} />
    </form>
  );
}

/** A labelled text input (the label is its accessible name). */
export function TextField({
  label,
  value,
  onChange,
  ...input
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </>
  );
}

/** A labelled text area (the label is its accessible name). */
export function TextAreaField({
  label,
  value,
  onChange,
  ...area
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'>) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} {...area} />
    </>
  );
}

/**
 * A list the server returns (`GET path`, `pick` takes it from the reply), reloaded whenever
 * one of `slices` changes (an event) and after `reload()`.
 */
export function useServerList<T>(
  path: string,
  pick: (reply: Record<string, unknown>) => T[],
  slices: Slice[],
): { items: T[] | null; error: string | null; reload: () => void } {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // `pick` is a fresh function each render; the path names the list.
  const reload = useCallback(() => {
    api('GET', path)
      .then((reply) => {
        setItems(pick(reply));
        setError(null);
      })
      .catch((err: unknown) => setError((err as Error).message));
  }, [path]);
  useSlices(...slices);
  const version = slices.map((s) => store.version(s)).join('.');
  useEffect(reload, [reload, version]);
  return { items, error, reload };
}

/** Loading, the error, or the list's own view. */
export function Loaded<T>({
  list,
  children,
}: {
  list: { items: T[] | null; error: string | null };
  children: (items: T[]) => ReactNode;
}) {
  if (list.error)
    return (
      <p className="form-error" role="alert">
        {list.error}
      </p>
    );
  if (list.items === null) return <p role="status">Loading…</p>;
  return <>{children(list.items)}</>;
}

/** A table of settings rows: its caption (the table's name) and column headings. */
export function SettingsTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <table className="settings-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * A button that runs `work` as `action` (off while it runs); `name` is its accessible name
 * where the visible text alone would be ambiguous ("Remove" in a list).
 */
export function ActionButton({
  action,
  work,
  name,
  danger = false,
  disabled = false,
  children,
}: {
  action: ActionState;
  work: () => Promise<string | null | void>;
  name?: string;
  danger?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={danger ? 'danger' : undefined}
      aria-label={name}
      disabled={action.busy || disabled}
      onClick={() => void action.run(work)}
    >
      {children}
    </button>
  );
}

/** A named list of short items, each with a button that removes it. */
export function RemovableList<T>({
  label,
  items,
  keyOf,
  text,
  removeName,
  action,
  remove,
  buttonText = 'Remove',
}: {
  label: string;
  items: T[];
  keyOf: (item: T) => string | number;
  text: (item: T) => string;
  /** The remove button's accessible name for an item. */
  removeName: (item: T) => string;
  action: ActionState;
  remove: (item: T) => Promise<string | null | void>;
  buttonText?: string;
}) {
  return (
    <ul className="plain-list" aria-label={label}>
      {items.map((item) => (
        <li key={keyOf(item)}>
          <span>{text(item)}</span>
          <ActionButton action={action} danger name={removeName(item)} work={() => remove(item)}>
            {buttonText}
          </ActionButton>
        </li>
      ))}
    </ul>
  );
}
