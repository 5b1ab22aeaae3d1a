import { useState } from 'react';
import { api } from '../../api';
import { store, useSlices } from '../../store';
import { Outcome, RemovableList, SettingsForm, useAction } from './common';

/** Streams every new member joins: add one, remove one. */
export function DefaultStreams() {
  useSlices('lists', 'streams');
  const defaults = store.lists.defaultStreamIds;
  const others = [...store.streams.values()]
    .filter((s) => !defaults.includes(s.stream_id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const [chosen, setChosen] = useState<number | null>(null);
  const add = useAction();
  const remove = useAction();
  const name = (id: number) => `#${store.streamName(id) ?? id}`;
  const streamId = chosen ?? others[0]?.stream_id ?? null;
  return (
    <>
      <SettingsForm
        title="Add a default stream"
        submit="Add default stream"
        action={add}
        onSubmit={async () => {
          if (streamId === null) return 'Every stream is a default stream already.';
          await api('POST', '/default_streams', { stream_id: streamId });
          setChosen(null);
          return `New members will join #${store.streamName(streamId)}.`;
        }}
      >
        <label htmlFor="default-stream-choice">Stream to add</label>
        <select
          id="default-stream-choice"
          value={streamId ?? ''}
          onChange={(e) => setChosen(Number(e.target.value))}
        >
          {others.map((s) => (
            <option key={s.stream_id} value={s.stream_id}>
              #{s.name}
            </option>
          ))}
        </select>
      </SettingsForm>
      <Outcome action={remove} />
      {defaults.length === 0 ? (
        <p>There are no default streams.</p>
      ) : (
        <RemovableList
          label="Default streams"
          items={defaults}
          keyOf={(id) => id}
          text={name}
          removeName={(id) => `Remove ${name(id)} from the default streams`}
          action={remove}
          remove={async (id) => {
            await api('DELETE', '/default_streams', { stream_id: id });
            return `${name(id)} is no longer a default stream.`;
          }}
        />
      )}
    </>
  );
}
