import { useId, useState } from 'react';
import { api } from '../../api';
import { store } from '../../store';
import { downloadText, Loaded, Outcome, SettingsForm, useAction, useServerList } from './common';

/** Zulip's bot types. */
const BOT_TYPES: Array<[number, string]> = [
  [1, 'Generic'],
  [2, 'Incoming webhook'],
  [3, 'Outgoing webhook'],
];

interface Bot {
  user_id: number;
  email: string;
  full_name: string;
  api_key: string;
  bot_type: number;
  is_active: boolean;
  owner_id: number | null;
  services: Array<{ base_url?: string }>;
}

function CreateBot({ onCreated }: { onCreated: () => void }) {
  const [type, setType] = useState(1);
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [url, setUrl] = useState('');
  const create = useAction();
  const id = useId();
  return (
    <SettingsForm
      title="Add a new bot"
      submit="Create bot"
      action={create}
      onSubmit={async () => {
        const reply = await api<{ email: string }>('POST', '/bots', {
          bot_type: type,
          full_name: name.trim(),
          short_name: shortName.trim(),
          ...(type === 3 ? { payload_url: url.trim(), interface_type: 1 } : {}),
        });
        setName('');
        setShortName('');
        setUrl('');
        onCreated();
        return `Created ${reply.email}.`;
      }}
    >
      <label htmlFor={`${id}-type`}>Bot type</label>
      <select id={`${id}-type`} value={type} onChange={(e) => setType(Number(e.target.value))}>
        {BOT_TYPES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-name`}>Bot name</label>
      <input
        id={`${id}-name`}
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor={`${id}-short`}>Bot email</label>
      <div className="with-suffix">
        <input
          id={`${id}-short`}
          required
          maxLength={60}
          pattern="[A-Za-z0-9_.\-]+"
          aria-describedby={`${id}-suffix`}
          value={shortName}
          onChange={(e) => setShortName(e.target.value)}
        />
        <span id={`${id}-suffix`}>-bot@…</span>
      </div>
      {type === 3 && (
        <>
          <label htmlFor={`${id}-url`}>Endpoint URL</label>
          <input
            id={`${id}-url`}
            type="url"
            required
            placeholder="https://bots.example.com/zulip"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </>
      )}
    </SettingsForm>
  );
}

function BotCard({ bot, onChanged }: { bot: Bot; onChanged: () => void }) {
  const action = useAction();
  const [url, setUrl] = useState(bot.services[0]?.base_url ?? '');
  const id = useId();
  const type = BOT_TYPES.find(([value]) => value === bot.bot_type)?.[1] ?? 'Bot';
  return (
    <li className="bot-card">
      <div role="group" aria-labelledby={`${id}-name`}>
        <h4 id={`${id}-name`}>{bot.full_name}</h4>
        <dl className="facts">
          <dt>Type</dt>
          <dd>{type}</dd>
          <dt>Email</dt>
          <dd>{bot.email}</dd>
          <dt>API key</dt>
          <dd>
            <code aria-label={`API key of ${bot.full_name}`}>{bot.api_key}</code>
          </dd>
        </dl>
        {bot.bot_type === 3 && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void action.run(async () => {
                await api('PATCH', `/bots/${bot.user_id}`, { service_payload_url: url.trim() });
                onChanged();
                return 'Endpoint URL saved.';
              });
            }}
          >
            <label htmlFor={`${id}-url`}>Endpoint URL</label>
            <input
              id={`${id}-url`}
              type="url"
              required
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
            <button type="submit">Save URL</button>
          </form>
        )}
        <div className="form-actions">
          <button
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await api('POST', `/bots/${bot.user_id}/api_key/regenerate`);
                onChanged();
                return 'A new API key is ready; the old one no longer works.';
              })
            }
          >
            Regenerate API key
          </button>
          <button
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                const reply = await api<{ zuliprc: string }>('GET', `/bots/${bot.user_id}/zuliprc`);
                downloadText('zuliprc', reply.zuliprc);
              })
            }
          >
            Download .zuliprc
          </button>
          <button
            className="danger"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await api('DELETE', `/bots/${bot.user_id}`);
                onChanged();
                return `${bot.full_name} is deactivated.`;
              })
            }
          >
            Deactivate
          </button>
        </div>
        <Outcome action={action} />
      </div>
    </li>
  );
}

/** The person's own bots (administrators see only theirs here too). */
export function Bots() {
  const list = useServerList<Bot>(
    '/bots',
    (reply) =>
      (reply.bots as Bot[]).filter((b) => b.owner_id === store.self.user_id && b.is_active),
    ['users'],
  );
  return (
    <>
      <CreateBot onCreated={list.reload} />
      <h3>Your bots</h3>
      <Loaded list={list}>
        {(bots) =>
          bots.length === 0 ? (
            <p>You have no active bots.</p>
          ) : (
            <ul className="bot-list" aria-label="Your bots">
              {bots.map((bot) => (
                <BotCard key={bot.user_id} bot={bot} onChanged={list.reload} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
