import { useState } from 'react';
import { api } from '../../api';
import { store } from '../../store';
import { formatFull } from '../../time-format';
import {
  ActionButton,
  Loaded,
  Outcome,
  ROLES,
  SettingsForm,
  SettingsTable,
  TextAreaField,
  useAction,
  useServerList,
} from './common';

interface Invite {
  id: number;
  email: string;
  invited_by_user_id: number;
  invited: number;
  expiry_date: number | null;
  invited_as: number;
  stream_ids: number[];
}

const roleName = (role: number) => ROLES.find(([r]) => r === role)?.[1] ?? String(role);

function SendInvites({ onSent }: { onSent: () => void }) {
  const [emails, setEmails] = useState('');
  const [role, setRole] = useState(400);
  const [streamIds, setStreamIds] = useState<number[]>([]);
  const send = useAction();
  const streams = [...store.streams.values()].sort((a, b) => a.name.localeCompare(b.name));
  // Owners alone may invite owners (the server refuses the rest anyway).
  const roles = ROLES.filter(([r]) => r !== 100 || store.self.is_owner);
  return (
    <SettingsForm
      title="Invite people"
      submit="Send invitations"
      action={send}
      onSubmit={async () => {
        const reply = await api<{ invited_emails: string[] }>('POST', '/invites', {
          invitee_emails: emails,
          invite_as: role,
          stream_ids: streamIds,
        });
        setEmails('');
        onSent();
        return `Invited ${reply.invited_emails.join(', ')}.`;
      }}
    >
      <TextAreaField
        label="Email addresses (comma or newline separated)"
        rows={3}
        required
        value={emails}
        onChange={setEmails}
      />
      <label htmlFor="invite-role">Join as</label>
      <select id="invite-role" value={role} onChange={(e) => setRole(Number(e.target.value))}>
        {roles.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Streams they join</legend>
        {streams.map((s) => (
          <label key={s.stream_id} className="choice">
            <input
              type="checkbox"
              checked={streamIds.includes(s.stream_id)}
              onChange={(e) =>
                setStreamIds((ids) =>
                  e.target.checked ? [...ids, s.stream_id] : ids.filter((i) => i !== s.stream_id),
                )
              }
            />
            #{s.name}
          </label>
        ))}
      </fieldset>
    </SettingsForm>
  );
}

/** Invitations by email: send them with a role and streams, see the pending ones, revoke. */
export function Invitations() {
  const list = useServerList<Invite>('/invites', (r) => r.invites as Invite[], ['users']);
  const revoke = useAction();
  return (
    <>
      <SendInvites onSent={list.reload} />
      <Outcome action={revoke} />
      <Loaded list={list}>
        {(invites) =>
          invites.length === 0 ? (
            <p>No pending invitations.</p>
          ) : (
            <SettingsTable
              caption="Pending invitations"
              columns={['Email', 'Invited by', 'Role', 'Expires', 'Actions']}
            >
              {invites.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{store.userName(i.invited_by_user_id) ?? '—'}</td>
                  <td>{roleName(i.invited_as)}</td>
                  <td>{i.expiry_date ? formatFull(i.expiry_date) : 'Never'}</td>
                  <td>
                    <ActionButton
                      action={revoke}
                      danger
                      name={`Revoke invitation of ${i.email}`}
                      work={async () => {
                        await api('DELETE', `/invites/${i.id}`);
                        list.reload();
                        return `The invitation of ${i.email} is revoked.`;
                      }}
                    >
                      Revoke
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </SettingsTable>
          )
        }
      </Loaded>
    </>
  );
}
