import { useState } from 'react';
import { api } from '../../api';
import {
  choicesData,
  choicesText,
  FIELD_TYPES,
  fieldTypeName,
  moved,
  SELECT_FIELD,
} from '../../profile-field-form';
import type { ProfileField } from '../../settings-lists';
import { store, useSlices } from '../../store';
import {
  ActionButton,
  Outcome,
  SettingsForm,
  SettingsTable,
  TextAreaField,
  TextField,
  useAction,
} from './common';

/** The options of a list field, one a line. */
function ChoicesField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <TextAreaField
      label="Options (one a line)"
      rows={4}
      required
      value={value}
      onChange={onChange}
    />
  );
}

function CreateField() {
  const [name, setName] = useState('');
  const [hint, setHint] = useState('');
  const [type, setType] = useState(1);
  const [choices, setChoices] = useState('');
  const create = useAction();
  return (
    <SettingsForm
      title="Add a custom profile field"
      submit="Add field"
      action={create}
      onSubmit={async () => {
        await api('POST', '/realm/profile_fields', {
          name: name.trim(),
          hint: hint.trim(),
          field_type: type,
          ...(type === SELECT_FIELD ? { field_data: choicesData(choices) } : {}),
        });
        const fresh = name.trim();
        setName('');
        setHint('');
        setChoices('');
        return `Added “${fresh}”.`;
      }}
    >
      <label htmlFor="profile-field-type">Field type</label>
      <select
        id="profile-field-type"
        value={type}
        onChange={(e) => setType(Number(e.target.value))}
      >
        {FIELD_TYPES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <TextField label="Label" value={name} onChange={setName} required maxLength={40} />
      <TextField label="Hint" value={hint} onChange={setHint} maxLength={80} />
      {type === SELECT_FIELD && <ChoicesField value={choices} onChange={setChoices} />}
    </SettingsForm>
  );
}

function FieldEditor({ field, done }: { field: ProfileField; done: () => void }) {
  const [name, setName] = useState(field.name);
  const [hint, setHint] = useState(field.hint);
  const [choices, setChoices] = useState(() => choicesText(field.field_data));
  const save = useAction();
  return (
    <SettingsForm
      submit={`Save “${field.name}”`}
      action={save}
      onSubmit={async () => {
        await api('PATCH', `/realm/profile_fields/${field.id}`, {
          name: name.trim(),
          hint: hint.trim(),
          ...(field.type === SELECT_FIELD ? { field_data: choicesData(choices) } : {}),
        });
        done();
      }}
    >
      <TextField label={`Label of “${field.name}”`} value={name} onChange={setName} required />
      <TextField label={`Hint of “${field.name}”`} value={hint} onChange={setHint} />
      {field.type === SELECT_FIELD && <ChoicesField value={choices} onChange={setChoices} />}
    </SettingsForm>
  );
}

/** Custom profile fields: add, edit, move up and down, delete. */
export function ProfileFields() {
  useSlices('lists');
  const fields = store.lists.profileFields;
  const [editing, setEditing] = useState<number | null>(null);
  const action = useAction();
  const reorder = async (index: number, delta: number) => {
    const ids = fields.map((f) => f.id);
    await api('PATCH', '/realm/profile_fields', { order: moved(ids, index, delta) });
  };
  return (
    <>
      <CreateField />
      <Outcome action={action} />
      {fields.length === 0 ? (
        <p>There are no custom profile fields.</p>
      ) : (
        <SettingsTable
          caption="Custom profile fields"
          columns={['Label', 'Type', 'Hint', 'Actions']}
        >
          {fields.map((f, index) =>
            editing === f.id ? (
              <tr key={f.id}>
                <td colSpan={4}>
                  <FieldEditor field={f} done={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={f.id}>
                <th scope="row">{f.name}</th>
                <td>{fieldTypeName(f.type)}</td>
                <td>{f.hint}</td>
                <td>
                  <div className="row-actions">
                    <ActionButton
                      action={action}
                      name={`Move “${f.name}” up`}
                      disabled={index === 0}
                      work={() => reorder(index, -1)}
                    >
                      ↑
                    </ActionButton>
                    <ActionButton
                      action={action}
                      name={`Move “${f.name}” down`}
                      disabled={index === fields.length - 1}
                      work={() => reorder(index, 1)}
                    >
                      ↓
                    </ActionButton>
                    <button aria-label={`Edit “${f.name}”`} onClick={() => setEditing(f.id)}>
                      Edit
                    </button>
                    <ActionButton
                      action={action}
                      danger
                      name={`Delete “${f.name}”`}
                      work={async () => {
                        await api('DELETE', `/realm/profile_fields/${f.id}`);
                        return `Deleted “${f.name}”.`;
                      }}
                    >
                      Delete
                    </ActionButton>
                  </div>
                </td>
              </tr>
            ),
          )}
        </SettingsTable>
      )}
    </>
  );
}
