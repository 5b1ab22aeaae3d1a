import { useState } from 'react';
import { api } from '../../api';
import type { UserGroup } from '../../model';
import { store, useSlices } from '../../store';
import { ActionButton, Outcome, RemovableList, SettingsForm, TextField, useAction } from './common';

function CreateGroup() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useAction();
  return (
    <SettingsForm
      title="Create a user group"
      submit="Create group"
      action={create}
      onSubmit={async () => {
        const fresh = name.trim();
        await api('POST', '/user_groups/create', {
          name: fresh,
          description: description.trim(),
          members: [store.self.user_id],
        });
        setName('');
        setDescription('');
        return `Created @${fresh}; you are its first member.`;
      }}
    >
      <TextField label="Group name" value={name} onChange={setName} required maxLength={100} />
      <TextField
        label="Group description"
        value={description}
        onChange={setDescription}
        maxLength={1024}
      />
    </SettingsForm>
  );
}

function GroupCard({ group }: { group: UserGroup }) {
  const [name, setName] = useState(group.name);
  const [description, setDescription] = useState(group.description);
  const [adding, setAdding] = useState<number | null>(null);
  const save = useAction();
  const members = useAction();
  const people = [...store.users.values()]
    .filter((p) => p.is_active && !p.is_bot)
    .sort((a, b) => a.full_name.localeCompare(b.full_name));
  const outside = people.filter((p) => !group.members.includes(p.user_id));
  const candidate = adding ?? outside[0]?.user_id ?? null;
  const who = (id: number) => store.userName(id) ?? `User ${id}`;
  const changeMembers = async (params: { add?: number[]; delete?: number[] }, note: string) => {
    await api('POST', `/user_groups/${group.id}/members`, params);
    setAdding(null);
    return note;
  };
  return (
    <li className="bot-card">
      <h4>@{group.name}</h4>
      <SettingsForm
        submit={`Save @${group.name}`}
        action={save}
        onSubmit={async () => {
          const params: Record<string, string> = {};
          if (name.trim() !== group.name) params.name = name.trim();
          if (description.trim() !== group.description) params.description = description.trim();
          if (Object.keys(params).length === 0) return 'Nothing to save.';
          await api('PATCH', `/user_groups/${group.id}`, params);
          return 'Saved.';
        }}
      >
        <TextField
          label={`Name of @${group.name}`}
          value={name}
          onChange={setName}
          required
          maxLength={100}
        />
        <TextField
          label={`Description of @${group.name}`}
          value={description}
          onChange={setDescription}
          maxLength={1024}
        />
      </SettingsForm>
      <RemovableList
        label={`Members of @${group.name}`}
        items={group.members}
        keyOf={(id) => id}
        text={who}
        removeName={(id) => `Remove ${who(id)} from @${group.name}`}
        action={members}
        remove={(id) => changeMembers({ delete: [id] }, `${who(id)} left @${group.name}.`)}
      />
      {candidate !== null && (
        <div className="inline-form">
          <label htmlFor={`group-${group.id}-add`}>Add to @{group.name}</label>
          <select
            id={`group-${group.id}-add`}
            value={candidate}
            onChange={(e) => setAdding(Number(e.target.value))}
          >
            {outside.map((p) => (
              <option key={p.user_id} value={p.user_id}>
                {p.full_name}
              </option>
            ))}
          </select>
          <ActionButton
            action={members}
            work={() =>
              changeMembers({ add: [candidate] }, `${who(candidate)} joined @${group.name}.`)
            }
          >
            Add member
          </ActionButton>
        </div>
      )}
      <div className="form-actions">
        <ActionButton
          action={members}
          danger
          work={async () => {
            await api('DELETE', `/user_groups/${group.id}`);
            return `@${group.name} is deleted.`;
          }}
        >
          Delete @{group.name}
        </ActionButton>
      </div>
      <Outcome action={members} />
    </li>
  );
}

/** User groups: create, rename and describe, members in and out, delete. */
export function UserGroups() {
  useSlices('groups', 'users');
  const groups = [...store.groups].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <CreateGroup />
      <h3>Groups</h3>
      {groups.length === 0 ? (
        <p>There are no user groups yet.</p>
      ) : (
        <ul className="bot-list" aria-label="User groups">
          {groups.map((g) => (
            // Keyed by name too, so a rename from elsewhere resets the fields.
            <GroupCard key={`${g.id}:${g.name}:${g.description}`} group={g} />
          ))}
        </ul>
      )}
    </>
  );
}
