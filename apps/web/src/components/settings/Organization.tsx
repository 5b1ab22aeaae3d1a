import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api';
import { store, useSlices } from '../../store';
import { changedParams, formValues, sameValues, TOGGLES } from '../../realm-settings';
import {
  ActionButton,
  Loaded,
  Outcome,
  ROLES,
  SettingsForm,
  SettingsTable,
  TextField,
  useAction,
  useServerList,
} from './common';

interface RealmDomain {
  domain: string;
  allow_subdomains: boolean;
}

/** The email domains sign-ups are restricted to (when the policy above says so); owners edit. */
function RealmDomains() {
  const list = useServerList<RealmDomain>(
    '/realm/domains',
    (reply) => reply.domains as RealmDomain[],
    ['realm'],
  );
  const owner = store.self.is_owner === true;
  const [domain, setDomain] = useState('');
  const [subdomains, setSubdomains] = useState(false);
  const action = useAction();
  return (
    <section aria-labelledby="realm-domains-title">
      <h3 id="realm-domains-title">Allowed email domains</h3>
      <Loaded list={list}>
        {(domains) =>
          domains.length === 0 ? (
            <p>No domains yet: with the restriction on, nobody new can join.</p>
          ) : (
            <SettingsTable
              caption="Allowed email domains"
              columns={
                owner ? ['Domain', 'Subdomains too', 'Actions'] : ['Domain', 'Subdomains too']
              }
            >
              {domains.map((d) => (
                <tr key={d.domain}>
                  <th scope="row">{d.domain}</th>
                  <td>
                    {owner ? (
                      <input
                        type="checkbox"
                        aria-label={`Allow subdomains of ${d.domain}`}
                        checked={d.allow_subdomains}
                        disabled={action.busy}
                        onChange={(e) => {
                          const on = e.target.checked;
                          void action.run(async () => {
                            await api('PATCH', `/realm/domains/${encodeURIComponent(d.domain)}`, {
                              allow_subdomains: on,
                            });
                            list.reload();
                          });
                        }}
                      />
                    ) : d.allow_subdomains ? (
                      'Yes'
                    ) : (
                      'No'
                    )}
                  </td>
                  {owner && (
                    <td>
                      <ActionButton
                        action={action}
                        danger
                        name={`Remove ${d.domain}`}
                        work={async () => {
                          await api('DELETE', `/realm/domains/${encodeURIComponent(d.domain)}`);
                          list.reload();
                          return `${d.domain} is removed.`;
                        }}
                      >
                        Remove
                      </ActionButton>
                    </td>
                  )}
                </tr>
              ))}
            </SettingsTable>
          )
        }
      </Loaded>
      {owner ? (
        <SettingsForm
          submit="Add domain"
          action={action}
          onSubmit={async () => {
            const reply = await api<{ new_domain: [number, string] }>('POST', '/realm/domains', {
              domain: domain.trim(),
              allow_subdomains: subdomains,
            });
            setDomain('');
            setSubdomains(false);
            list.reload();
            return `${reply.new_domain[1]} is added.`;
          }}
        >
          <TextField label="New domain" required value={domain} onChange={setDomain} />
          <label className="choice">
            <input
              type="checkbox"
              checked={subdomains}
              onChange={(e) => setSubdomains(e.target.checked)}
            />
            Allow its subdomains too
          </label>
        </SettingsForm>
      ) : (
        <p className="hint">Only organization owners can change the domains.</p>
      )}
    </section>
  );
}

export function OrganizationSettings() {
  return (
    <>
      <OrganizationSettingsForm />
      <RealmDomains />
    </>
  );
}

function OrganizationSettingsForm() {
  useSlices('realm');
  const version = store.version('realm');
  const [values, setValues] = useState(() => formValues(store.realmSettings));
  const baseline = useRef(values);
  const save = useAction();
  // Another administrator's change shows at once, unless this form has unsaved edits.
  useEffect(() => {
    const fresh = formValues(store.realmSettings);
    const old = baseline.current;
    baseline.current = fresh;
    setValues((v) => (sameValues(v, old) ? fresh : v));
  }, [version]);
  const id = useId();
  const set = (key: string, value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <form
      className="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(async () => {
          const params = changedParams(formValues(store.realmSettings), values);
          if (Object.keys(params).length === 0) return 'Nothing to save.';
          await api('PATCH', '/realm', params);
          return 'Saved.';
        });
      }}
    >
      <label htmlFor={`${id}-name`}>Organization name</label>
      <input
        id={`${id}-name`}
        required
        maxLength={40}
        value={String(values.name)}
        onChange={(e) => set('name', e.target.value)}
      />
      <label htmlFor={`${id}-description`}>Organization description</label>
      <textarea
        id={`${id}-description`}
        rows={3}
        maxLength={1000}
        value={String(values.description)}
        onChange={(e) => set('description', e.target.value)}
      />
      <fieldset>
        <legend>Policies</legend>
        {TOGGLES.map(([, param, label]) => (
          <label key={param} className="choice">
            <input
              type="checkbox"
              checked={Boolean(values[param])}
              onChange={(e) => set(param, e.target.checked)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-guests`}>Guests can see</label>
      <select
        id={`${id}-guests`}
        value={String(values.guest_user_access)}
        onChange={(e) => set('guest_user_access', e.target.value)}
      >
        <option value={String(store.systemGroups['role:everyone'] ?? '')}>
          Everyone in the organization
        </option>
        <option value={String(store.systemGroups['role:members'] ?? '')}>
          Only the people they share a stream or a conversation with
        </option>
      </select>
      <label htmlFor={`${id}-limit`}>Time limit for editing messages (minutes)</label>
      <input
        id={`${id}-limit`}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        aria-describedby={`${id}-limit-hint`}
        disabled={!values.allow_message_editing}
        value={String(values.edit_limit_minutes)}
        onChange={(e) => set('edit_limit_minutes', e.target.value)}
      />
      <p className="hint" id={`${id}-limit-hint`}>
        Empty: no limit.
      </p>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={save.busy}>
          Save changes
        </button>
      </div>
      <Outcome action={save} />
    </form>
  );
}

interface Member {
  user_id: number;
  email: string;
  delivery_email: string | null;
  full_name: string;
  role: number;
  is_active: boolean;
  is_bot: boolean;
  bot_owner_id?: number | null;
}

export function Users() {
  const list = useServerList<Member>('/users', (reply) => reply.members as Member[], ['users']);
  return (
    <Loaded list={list}>
      {(members) => <UserTables members={members} reload={list.reload} />}
    </Loaded>
  );
}

function UserTables({ members, reload }: { members: Member[]; reload: () => void }) {
  const action = useAction();
  const people = members.filter((m) => !m.is_bot);
  const bots = members.filter((m) => m.is_bot);
  const nameOf = (id: number | null | undefined) =>
    members.find((m) => m.user_id === id)?.full_name ?? '—';
  return (
    <>
      <Outcome action={action} />
      <SettingsTable caption="People" columns={['Name', 'Email', 'Role', 'Status', 'Actions']}>
        {people.map((m) => (
          <tr key={m.user_id}>
            <th scope="row">{m.full_name}</th>
            <td>{m.delivery_email ?? m.email}</td>
            <td>
              <select
                aria-label={`Role of ${m.full_name}`}
                value={m.role}
                disabled={action.busy || m.user_id === store.self.user_id}
                onChange={(e) => {
                  const role = Number(e.target.value);
                  void action.run(async () => {
                    await api('PATCH', `/users/${m.user_id}`, { role });
                    reload();
                    return `${m.full_name} is now ${ROLES.find(([r]) => r === role)?.[1]}.`;
                  });
                }}
              >
                {ROLES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </td>
            <td>{m.is_active ? 'Active' : 'Deactivated'}</td>
            <td>
              {m.user_id !== store.self.user_id && (
                <button
                  className={m.is_active ? 'danger' : undefined}
                  disabled={action.busy}
                  onClick={() =>
                    void action.run(async () => {
                      if (m.is_active) await api('DELETE', `/users/${m.user_id}`);
                      else await api('POST', `/users/${m.user_id}/reactivate`);
                      reload();
                      return m.is_active
                        ? `${m.full_name} and their bots are deactivated.`
                        : `${m.full_name} is reactivated.`;
                    })
                  }
                >
                  {m.is_active ? 'Deactivate' : 'Reactivate'}
                  <span className="visually-hidden"> {m.full_name}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </SettingsTable>
      <SettingsTable caption="Bots" columns={['Name', 'Email', 'Owner', 'Status']}>
        {bots.map((m) => (
          <tr key={m.user_id}>
            <th scope="row">{m.full_name}</th>
            <td>{m.email}</td>
            <td>{nameOf(m.bot_owner_id)}</td>
            <td>{m.is_active ? 'Active' : 'Deactivated'}</td>
          </tr>
        ))}
      </SettingsTable>
    </>
  );
}

interface StreamRow {
  stream_id: number;
  name: string;
  description: string;
  invite_only: boolean;
  history_public_to_subscribers: boolean;
}

function StreamEditor({ stream, done }: { stream: StreamRow; done: () => void }) {
  const [name, setName] = useState(stream.name);
  const [description, setDescription] = useState(stream.description);
  const [isPrivate, setPrivate] = useState(stream.invite_only);
  const [history, setHistory] = useState(stream.history_public_to_subscribers);
  const save = useAction();
  const id = useId();
  return (
    <form
      className="inline-form"
      aria-label={`Edit #${stream.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(async () => {
          const params: Record<string, unknown> = {};
          if (name.trim() !== stream.name) params.new_name = name.trim();
          if (description !== stream.description) params.description = description;
          if (isPrivate !== stream.invite_only) params.is_private = isPrivate;
          // Public streams always show their history to subscribers (as in Zulip).
          if (isPrivate && history !== stream.history_public_to_subscribers)
            params.history_public_to_subscribers = history;
          if (Object.keys(params).length > 0)
            await api('PATCH', `/streams/${stream.stream_id}`, params);
          done();
        });
      }}
    >
      <label htmlFor={`${id}-name`}>Stream name</label>
      <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-description`}>Stream description</label>
      <input
        id={`${id}-description`}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <label className="choice">
        <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
        Private
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={!isPrivate || history}
          disabled={!isPrivate}
          onChange={(e) => setHistory(e.target.checked)}
        />
        New subscribers see earlier messages
      </label>
      <button className="primary" type="submit" disabled={save.busy}>
        Save stream
      </button>
      <button type="button" onClick={done}>
        Cancel
      </button>
      <Outcome action={save} />
    </form>
  );
}

export function Streams() {
  const list = useServerList<StreamRow>(
    '/streams?include_all_active=true',
    (reply) => (reply.streams as StreamRow[]).sort((a, b) => a.name.localeCompare(b.name)),
    ['streams'],
  );
  const load = list.reload;
  const [editing, setEditing] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const action = useAction();
  return (
    <>
      <SettingsForm
        title="Create a stream"
        submit="Create stream"
        action={action}
        onSubmit={async () => {
          await api('POST', '/users/me/subscriptions', {
            subscriptions: [{ name: name.trim(), description }],
            invite_only: isPrivate,
          });
          setName('');
          setDescription('');
          load();
          return `Created #${name.trim()}.`;
        }}
      >
        <TextField
          label="New stream name"
          required
          maxLength={60}
          value={name}
          onChange={setName}
        />
        <TextField label="New stream description" value={description} onChange={setDescription} />
        <label className="choice">
          <input
            type="checkbox"
            checked={isPrivate}
            onChange={(e) => setPrivate(e.target.checked)}
          />
          Private (only subscribers can see it)
        </label>
      </SettingsForm>
      <Loaded list={list}>
        {(streams) => (
          <SettingsTable caption="Streams" columns={['Name', 'Description', 'Access', 'Actions']}>
            {streams.map((s) =>
              editing === s.stream_id ? (
                <tr key={s.stream_id}>
                  <td colSpan={4}>
                    <StreamEditor
                      stream={s}
                      done={() => {
                        setEditing(null);
                        load();
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={s.stream_id}>
                  <th scope="row">#{s.name}</th>
                  <td>{s.description}</td>
                  <td>
                    {s.invite_only
                      ? s.history_public_to_subscribers
                        ? 'Private, full history'
                        : 'Private, history from joining'
                      : 'Public'}
                  </td>
                  <td>
                    <div className="row-actions">
                      <button
                        aria-label={`Edit #${s.name}`}
                        onClick={() => setEditing(s.stream_id)}
                      >
                        Edit
                      </button>
                      <button
                        className="danger"
                        aria-label={`Archive #${s.name}`}
                        disabled={action.busy}
                        onClick={() =>
                          void action.run(async () => {
                            await api('DELETE', `/streams/${s.stream_id}`);
                            load();
                            return `#${s.name} is archived.`;
                          })
                        }
                      >
                        Archive
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
          </SettingsTable>
        )}
      </Loaded>
    </>
  );
}
