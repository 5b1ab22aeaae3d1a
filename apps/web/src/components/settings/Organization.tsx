import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api';
import { store, useSlices } from '../../store';
import { changedParams, formValues, sameValues, TOGGLES } from '../../realm-settings';
import { Outcome, ROLES, useAction } from './common';

export function OrganizationSettings() {
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

function useMembers(): [Member[] | null, () => void, string | null] {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<{ members: Member[] }>('GET', '/users')
      .then((reply) => {
        setMembers(reply.members);
        setError(null);
      })
      .catch((err: unknown) => setError((err as Error).message));
  }, []);
  useSlices('users');
  const version = store.version('users');
  useEffect(load, [load, version]);
  return [members, load, error];
}

export function Users() {
  const [members, reload, error] = useMembers();
  const action = useAction();
  if (error) return <p role="alert">{error}</p>;
  if (!members) return <p role="status">Loading…</p>;
  const people = members.filter((m) => !m.is_bot);
  const bots = members.filter((m) => m.is_bot);
  const nameOf = (id: number | null | undefined) =>
    members.find((m) => m.user_id === id)?.full_name ?? '—';
  return (
    <>
      <Outcome action={action} />
      <table className="settings-table">
        <caption>People</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      <table className="settings-table">
        <caption>Bots</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Owner</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {bots.map((m) => (
            <tr key={m.user_id}>
              <th scope="row">{m.full_name}</th>
              <td>{m.email}</td>
              <td>{nameOf(m.bot_owner_id)}</td>
              <td>{m.is_active ? 'Active' : 'Deactivated'}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
  const [streams, setStreams] = useState<StreamRow[] | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const action = useAction();
  const id = useId();
  const load = useCallback(() => {
    api<{ streams: StreamRow[] }>('GET', '/streams', { include_all_active: true })
      .then((reply) => setStreams(reply.streams.sort((a, b) => a.name.localeCompare(b.name))))
      .catch(() => setStreams([]));
  }, []);
  useSlices('streams');
  const version = store.version('streams');
  useEffect(load, [load, version]);
  return (
    <>
      <form
        className="settings-form"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await api('POST', '/users/me/subscriptions', {
              subscriptions: [{ name: name.trim(), description }],
              invite_only: isPrivate,
            });
            setName('');
            setDescription('');
            load();
            return `Created #${name.trim()}.`;
          });
        }}
      >
        <h3 id={`${id}-title`}>Create a stream</h3>
        <label htmlFor={`${id}-name`}>New stream name</label>
        <input
          id={`${id}-name`}
          required
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={`${id}-description`}>New stream description</label>
        <input
          id={`${id}-description`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={isPrivate}
            onChange={(e) => setPrivate(e.target.checked)}
          />
          Private (only subscribers can see it)
        </label>
        <div className="form-actions">
          <button className="primary" type="submit" disabled={action.busy}>
            Create stream
          </button>
        </div>
        <Outcome action={action} />
      </form>
      {streams === null ? (
        <p role="status">Loading…</p>
      ) : (
        <table className="settings-table">
          <caption>Streams</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col">Access</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      )}
    </>
  );
}
