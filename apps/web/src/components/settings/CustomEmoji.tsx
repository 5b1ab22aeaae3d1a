import { useState } from 'react';
import { api, postFile } from '../../api';
import { store, useSlices } from '../../store';
import { ActionButton, Outcome, SettingsForm, SettingsTable, TextField, useAction } from './common';

/** The organization's custom emoji: upload one under a name, see them all, delete one. */
export function CustomEmoji() {
  useSlices('realm', 'users');
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const add = useAction();
  const remove = useAction();
  const emoji = Object.entries(store.realm.realmEmoji)
    .filter(([, e]) => !e.deactivated)
    .sort(([, a], [, b]) => a.name.localeCompare(b.name));
  return (
    <>
      <SettingsForm
        title="Add a custom emoji"
        submit="Add emoji"
        action={add}
        onSubmit={async () => {
          if (!file) throw new Error('Choose an image first.');
          const fresh = name.trim();
          await postFile(`/realm/emoji/${encodeURIComponent(fresh)}`, file);
          setName('');
          setFile(null);
          setFileKey((k) => k + 1);
          return `Added :${fresh}:.`;
        }}
      >
        <TextField
          label="Emoji name"
          value={name}
          onChange={setName}
          required
          pattern="[0-9a-z_\-]*[0-9a-z]"
          title="Lower-case letters, digits, - and _, ending with a letter or digit"
        />
        <label htmlFor="custom-emoji-file">Emoji image</label>
        <input
          key={fileKey}
          id="custom-emoji-file"
          type="file"
          required
          accept="image/png,image/jpeg,image/gif,image/webp"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </SettingsForm>
      <Outcome action={remove} />
      {emoji.length === 0 ? (
        <p>There are no custom emoji yet.</p>
      ) : (
        <SettingsTable caption="Custom emoji" columns={['Name', 'Image', 'Actions']}>
          {emoji.map(([id, e]) => (
            <tr key={id}>
              <th scope="row">:{e.name}:</th>
              <td>
                <img className="emoji" src={e.source_url} alt={`:${e.name}:`} />
              </td>
              <td>
                <ActionButton
                  action={remove}
                  danger
                  name={`Delete :${e.name}:`}
                  work={async () => {
                    await api('DELETE', `/realm/emoji/${encodeURIComponent(e.name)}`);
                    return `Deleted :${e.name}:.`;
                  }}
                >
                  Delete
                </ActionButton>
              </td>
            </tr>
          ))}
        </SettingsTable>
      )}
    </>
  );
}
