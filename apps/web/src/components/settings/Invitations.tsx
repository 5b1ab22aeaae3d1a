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
  /** E-mail invitations only. */
  email?: string;
  is_multiuse: boolean;
  /** Reusable links only. */
  link_url?: string;
  invited_by_user_id: number;
  invited: number;
  expiry_date: number | null;
  invited_as: number;
  stream_ids: number[];
}

const roleName = (role: number) => ROLES.find(([r]) => r === role)?.[1] ?? String(role);

/** The role and streams an invitation (by e-mail or link) gives. */
function RoleAndStreams({
  role,
  onRole,
  streamIds,
  onStreamIds,
  idPrefix,
  roleLabel = 'Join as',
}: {
  roleLabel?: string;
  role: number;
  onRole: (role: number) => void;
  streamIds: number[];
  onStreamIds: (update: (ids: number[]) => number[]) => void;
  idPrefix: string;
}) {
  const streams = [...store.streams.values()].sort((a, b) => a.name.localeCompare(b.name));
  // Owners alone may invite owners (the server refuses the rest anyway).
  const roles = ROLES.filter(([r]) => r !== 100 || store.self.is_owner);
  return (
    <>
      <label htmlFor={`${idPrefix}-role`}>{roleLabel}</label>
      <select id={`${idPrefix}-role`} value={role} onChange={(e) => onRole(Number(e.target.value))}>
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
                onStreamIds((ids) =>
                  e.target.checked ? [...ids, s.stream_id] : ids.filter((i) => i !== s.stream_id),
                )
              }
            />
            #{s.name}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** A reusable invitation link (administrators): anyone who has it may sign up. */
function CreateLink({ onCreated }: { onCreated: () => void }) {
  const [role, setRole] = useState(400);
  const [streamIds, setStreamIds] = useState<number[]>([]);
  const create = useAction();
  return (
    <SettingsForm
      title="Invitation link"
      submit="Create link"
      action={create}
      onSubmit={async () => {
        const reply = await api<{ invite_link: string }>('POST', '/invites/multiuse', {
          invite_as: role,
          stream_ids: streamIds,
        });
        onCreated();
        return `Anyone with this link can join (for 10 days): ${reply.invite_link}`;
      }}
    >
      <RoleAndStreams
        role={role}
        onRole={setRole}
        streamIds={streamIds}
        onStreamIds={setStreamIds}
        idPrefix="link"
        roleLabel="People joining by the link join as"
      />
    </SettingsForm>
  );
}

function SendInvites({ onSent }: { onSent: () => void }) {
  const [emails, setEmails] = useState('');
  const [role, setRole] = useState(400);
  const [streamIds, setStreamIds] = useState<number[]>([]);
  const send = useAction();
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
      <RoleAndStreams
        role={role}
        onRole={setRole}
        streamIds={streamIds}
        onStreamIds={setStreamIds}
        idPrefix="invite"
      />
    </SettingsForm>
  );
}

/**
 * Invitations by email and reusable links: make them with a role and streams, see the pending
 * ones, revoke.
 */
export function Invitations() {
  const list = useServerList<Invite>('/invites', (r) => r.invites as Invite[], ['users']);
  const revoke = useAction();
  const [linkOpen, setLinkOpen] = useState(false);
  return (
    <>
      <SendInvites onSent={list.reload} />
      {store.self.is_admin &&
        (linkOpen ? (
          <CreateLink onCreated={list.reload} />
        ) : (
          <button type="button" onClick={() => setLinkOpen(true)}>
            Create an invitation link…
          </button>
        ))}
      <Outcome action={revoke} />
      <Loaded list={list}>
        {(invites) =>
          invites.length === 0 ? (
            <p>No pending invitations.</p>
          ) : (
            <SettingsTable
              caption="Pending invitations"
              columns={['Email or link', 'Invited by', 'Role', 'Expires', 'Actions']}
            >
              {invites.map((i) => (
                <tr key={`${i.is_multiuse ? 'link' : 'mail'}-${i.id}`}>
                  <th scope="row">{i.is_multiuse ? <code>{i.link_url}</code> : i.email}</th>
                  <td>{store.userName(i.invited_by_user_id) ?? '—'}</td>
                  <td>{roleName(i.invited_as)}</td>
                  <td>{i.expiry_date ? formatFull(i.expiry_date) : 'Never'}</td>
                  <td>
                    <ActionButton
                      action={revoke}
                      danger
                      name={
                        i.is_multiuse ? 'Revoke invitation link' : `Revoke invitation of ${i.email}`
                      }
                      work={async () => {
                        await api(
                          'DELETE',
                          i.is_multiuse ? `/invites/multiuse/${i.id}` : `/invites/${i.id}`,
                        );
                        list.reload();
                        return i.is_multiuse
                          ? 'The invitation link is revoked.'
                          : `The invitation of ${i.email} is revoked.`;
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
