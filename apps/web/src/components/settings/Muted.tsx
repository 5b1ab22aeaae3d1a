import { api } from '../../api';
import { MUTED_TOPIC } from '../../settings-lists';
import { store, useSlices } from '../../store';
import { formatFull } from '../../time-format';
import { ActionButton, Outcome, SettingsTable, useAction } from './common';

/** Topics the person muted, newest first, each with an Unmute button. */
export function MutedTopics() {
  useSlices('lists', 'streams');
  const action = useAction();
  const topics = store.lists.userTopics
    .filter((t) => t.visibility_policy === MUTED_TOPIC)
    .sort((a, b) => b.last_updated - a.last_updated);
  if (topics.length === 0) return <p>You have not muted any topics.</p>;
  return (
    <>
      <Outcome action={action} />
      <SettingsTable caption="Muted topics" columns={['Stream', 'Topic', 'Muted', 'Actions']}>
        {topics.map((t) => {
          const stream = `#${store.streamName(t.stream_id) ?? t.stream_id}`;
          return (
            <tr key={`${t.stream_id}:${t.topic_name}`}>
              <td>{stream}</td>
              <th scope="row">{t.topic_name}</th>
              <td>{formatFull(t.last_updated)}</td>
              <td>
                <ActionButton
                  action={action}
                  name={`Unmute ${stream} > ${t.topic_name}`}
                  work={async () => {
                    await api('POST', '/user_topics', {
                      stream_id: t.stream_id,
                      topic: t.topic_name,
                      visibility_policy: 0,
                    });
                    return `${stream} > ${t.topic_name} is unmuted.`;
                  }}
                >
                  Unmute
                </ActionButton>
              </td>
            </tr>
          );
        })}
      </SettingsTable>
    </>
  );
}

/** People the person muted, each with an Unmute button. */
export function MutedUsers() {
  useSlices('lists', 'users');
  const action = useAction();
  const muted = store.lists.mutedUsers;
  if (muted.length === 0) return <p>You have not muted anyone.</p>;
  return (
    <>
      <Outcome action={action} />
      <SettingsTable caption="Muted users" columns={['Name', 'Muted', 'Actions']}>
        {muted.map((m) => {
          const name = store.userName(m.id) ?? `User ${m.id}`;
          return (
            <tr key={m.id}>
              <th scope="row">{name}</th>
              <td>{formatFull(m.timestamp)}</td>
              <td>
                <ActionButton
                  action={action}
                  name={`Unmute ${name}`}
                  work={async () => {
                    await api('DELETE', `/users/me/muted_users/${m.id}`);
                    return `${name} is unmuted.`;
                  }}
                >
                  Unmute
                </ActionButton>
              </td>
            </tr>
          );
        })}
      </SettingsTable>
    </>
  );
}
