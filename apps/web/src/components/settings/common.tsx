import { useState } from 'react';

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
