import { useState } from 'react';
import { api } from '../../api';
import { store, useSlices } from '../../store';
import { SettingsForm, TextField, useAction } from './common';

/** Words that highlight a message for this person, as a mention does. */
export function AlertWords() {
  useSlices('lists');
  const [word, setWord] = useState('');
  const add = useAction();
  const remove = useAction();
  const words = store.lists.alertWords;
  return (
    <>
      <SettingsForm
        title="Add an alert word"
        submit="Add alert word"
        action={add}
        onSubmit={async () => {
          const fresh = word.trim();
          await api('POST', '/users/me/alert_words', { alert_words: [fresh] });
          setWord('');
          return `Messages with “${fresh}” will be highlighted.`;
        }}
      >
        <TextField label="New alert word" value={word} onChange={setWord} required maxLength={100} />
      </SettingsForm>
      {words.length === 0 ? (
        <p>You have no alert words.</p>
      ) : (
        <ul className="plain-list" aria-label="Your alert words">
          {words.map((w) => (
            <li key={w}>
              <span>{w}</span>
              <button
                className="danger"
                aria-label={`Remove alert word ${w}`}
                disabled={remove.busy}
                onClick={() =>
                  void remove.run(async () => {
                    await api('DELETE', '/users/me/alert_words', { alert_words: [w] });
                    return `Removed “${w}”.`;
                  })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
