import { api } from '../../api';
import { MUTED_TOPIC } from '../../settings-lists';
import { store, useSlices } from '../../store';
import { Outcome, useAction } from './common';
import { formatFull } from '../../time-format';

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
      <table className="settings-table">
        <caption>Muted topics</caption>
        <thead>
          <tr>
            <th scope="col">Stream</th>
            <th scope="col">Topic</th>
            <th scope="col">Muted</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((t) => {
            const stream = `#${store.streamName(t.stream_id) ?? t.stream_id}`;
            return (
              <tr key={`${t.stream_id}:${t.topic_name}`}>
                <td>{stream}</td>
                <th scope="row">{t.topic_name}</th>
                <td>{formatFull(t.last_updated)}</td>
                <td>
                  <button
                    aria-label={`Unmute ${stream} > ${t.topic_name}`}
                    disabled={action.busy}
                    onClick={() =>
                      void action.run(async () => {
                        await api('POST', '/user_topics', {
                          stream_id: t.stream_id,
                          topic: t.topic_name,
                          visibility_policy: 0,
                        });
                        return `${stream} > ${t.topic_name} is unmuted.`;
                      })
                    }
                  >
                    Unmute
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
      <table className="settings-table">
        <caption>Muted users</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Muted</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {muted.map((m) => {
            const name = store.userName(m.id) ?? `User ${m.id}`;
            return (
              <tr key={m.id}>
                <th scope="row">{name}</th>
                <td>{formatFull(m.timestamp)}</td>
                <td>
                  <button
                    aria-label={`Unmute ${name}`}
                    disabled={action.busy}
                    onClick={() =>
                      void action.run(async () => {
                        await api('DELETE', `/users/me/muted_users/${m.id}`);
                        return `${name} is unmuted.`;
                      })
                    }
                  >
                    Unmute
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
