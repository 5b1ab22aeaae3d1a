import { useState } from 'react';
import { api } from '../../api';
import { store, useSlices } from '../../store';
import { Outcome, RemovableList, SettingsForm, TextField, useAction } from './common';

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
        <TextField
          label="New alert word"
          value={word}
          onChange={setWord}
          required
          maxLength={100}
        />
      </SettingsForm>
      <Outcome action={remove} />
      {words.length === 0 ? (
        <p>You have no alert words.</p>
      ) : (
        <RemovableList
          label="Your alert words"
          items={words}
          keyOf={(w) => w}
          text={(w) => w}
          removeName={(w) => `Remove alert word ${w}`}
          action={remove}
          remove={async (w) => {
            await api('DELETE', '/users/me/alert_words', { alert_words: [w] });
            return `Removed “${w}”.`;
          }}
        />
      )}
    </>
  );
}
