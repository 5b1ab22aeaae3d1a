import { useId, useState } from 'react';
import type { IntegrationInfo } from '@hub/api/webhook-delivery.types';
import { store, useSlices } from '../../store';
import { showToast } from '../../ui';
import { secretsFileEntry, webhookUrl } from '../../webhook-url';
import { useCatalogue, useWebhookBots, type WebhookBot } from './hub-data';

/** Every integration of the gateway, by category, and the URL builder of the chosen one. */
export function Catalogue() {
  const { integrations, error } = useCatalogue();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const searchId = useId();
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (!integrations) return <p role="status">Loading integrations…</p>;
  const needle = search.trim().toLowerCase();
  const shown = integrations.filter(
    (i) => !needle || i.display_name.toLowerCase().includes(needle) || i.name.includes(needle),
  );
  const categories = [...new Map(shown.map((i) => [i.category, i.category_name])).entries()];
  const selected = integrations.find((i) => i.name === chosen);
  return (
    <div className="hub-catalogue">
      {selected && <UrlBuilder key={selected.name} integration={selected} />}
      <label htmlFor={searchId}>Search integrations</label>
      <input
        id={searchId}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {categories.map(([category, title]) => (
        <section key={category} aria-label={title}>
          <h3>{title}</h3>
          <ul className="hub-grid">
            {shown
              .filter((i) => i.category === category)
              .map((i) => (
                <li key={i.name}>
                  <button
                    type="button"
                    aria-pressed={i.name === chosen}
                    onClick={() => setChosen(i.name)}
                  >
                    {i.display_name}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {shown.length === 0 && <p>No integration matches “{search}”.</p>}
    </div>
  );
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function copy(text: string, what: string): void {
  navigator.clipboard.writeText(text).then(
    () => showToast(`${what} copied`),
    () => showToast(`Could not copy: select the text and copy it`, true),
  );
}

/** The form that builds one integration's webhook URL, and its signing-secret set-up. */
function UrlBuilder({ integration }: { integration: IntegrationInfo }) {
  useSlices('streams');
  const { bots, error } = useWebhookBots();
  const [botId, setBotId] = useState<number | null>(null);
  const [stream, setStream] = useState('');
  const [topic, setTopic] = useState('');
  const [branches, setBranches] = useState('');
  const [onlyEvents, setOnlyEvents] = useState<string[]>([]);
  const [excludeEvents, setExcludeEvents] = useState<string[]>([]);
  const [secret] = useState(randomSecret);
  const id = useId();
  const streams = [...store.streams.values()].map((s) => s.name).sort((a, b) => a.localeCompare(b));
  const bot: WebhookBot | undefined = bots?.find((b) => b.user_id === botId) ?? bots?.[0];
  const url = bot
    ? webhookUrl(location.origin, integration.name, {
        apiKey: bot.api_key,
        stream,
        topic,
        branches,
        onlyEvents,
        excludeEvents,
      })
    : null;
  const picked = (e: React.ChangeEvent<HTMLSelectElement>) =>
    [...e.target.selectedOptions].map((o) => o.value);
  return (
    <form
      className="settings-form hub-builder"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => e.preventDefault()}
    >
      <h3 id={`${id}-title`}>{integration.display_name} webhook URL</h3>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {bots && bots.length === 0 && (
        <p className="hint">
          You have no incoming-webhook bot yet: <a href="#settings/your-bots">add one</a> (type
          “Incoming webhook”), then come back.
        </p>
      )}
      {bots && bots.length > 0 && (
        <>
          <label htmlFor={`${id}-bot`}>Bot</label>
          <select
            id={`${id}-bot`}
            value={bot?.user_id}
            onChange={(e) => setBotId(Number(e.target.value))}
          >
            {bots.map((b) => (
              <option key={b.user_id} value={b.user_id}>
                {b.full_name} ({b.email})
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={`${id}-stream`}>Channel</label>
      <select id={`${id}-stream`} value={stream} onChange={(e) => setStream(e.target.value)}>
        <option value="">(none: direct messages to the bot’s owner)</option>
        {streams.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-topic`}>Topic</label>
      <input
        id={`${id}-topic`}
        placeholder="(the integration’s own topic)"
        value={topic}
        maxLength={60}
        onChange={(e) => setTopic(e.target.value)}
      />
      {integration.branches && (
        <>
          <label htmlFor={`${id}-branches`}>Branches</label>
          <input
            id={`${id}-branches`}
            placeholder="(every branch) e.g. main, release"
            aria-describedby={`${id}-branches-hint`}
            value={branches}
            onChange={(e) => setBranches(e.target.value)}
          />
          <span id={`${id}-branches-hint`} className="hint">
            Comma-separated; events of other branches post nothing.
          </span>
        </>
      )}
      {integration.events.length > 1 && (
        <div className="hub-events">
          <div>
            <label htmlFor={`${id}-only`}>Only these events</label>
            <select
              id={`${id}-only`}
              multiple
              size={Math.min(8, integration.events.length)}
              value={onlyEvents}
              onChange={(e) => setOnlyEvents(picked(e))}
            >
              {integration.events.map((ev) => (
                <option key={ev}>{ev}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-exclude`}>Leave out these events</label>
            <select
              id={`${id}-exclude`}
              multiple
              size={Math.min(8, integration.events.length)}
              value={excludeEvents}
              onChange={(e) => setExcludeEvents(picked(e))}
            >
              {integration.events.map((ev) => (
                <option key={ev}>{ev}</option>
              ))}
            </select>
          </div>
        </div>
      )}
      {Object.keys(integration.parameters).length > 0 && (
        <div>
          <p className="hint">Other parameters you may add to the URL:</p>
          <ul>
            {Object.entries(integration.parameters).map(([name, what]) => (
              <li key={name}>
                <code>{name}</code>: {what}
              </li>
            ))}
          </ul>
        </div>
      )}
      {url && (
        <>
          <label htmlFor={`${id}-url`}>Webhook URL</label>
          <div className="with-suffix">
            <input id={`${id}-url`} readOnly value={url} onFocus={(e) => e.target.select()} />
            <button type="button" onClick={() => copy(url, 'URL')}>
              Copy URL
            </button>
          </div>
          <p className="hint">Enter this URL in {integration.display_name}’s webhook settings.</p>
        </>
      )}
      {bot && <SigningSetup integration={integration} bot={bot} secret={secret} />}
    </form>
  );
}

function SigningSetup({
  integration,
  bot,
  secret,
}: {
  integration: IntegrationInfo;
  bot: WebhookBot;
  secret: string;
}) {
  const entry = secretsFileEntry(bot.email, integration.name, secret);
  return (
    <details className="hub-signing">
      <summary>
        {integration.signature === 'service'
          ? 'Signing secret (recommended)'
          : 'Shared secret (optional)'}
      </summary>
      {integration.signature === 'service' ? (
        <p>
          {integration.display_name} signs each delivery with a secret. Enter this secret in{' '}
          {integration.display_name}’s webhook settings and add it to the gateway’s{' '}
          <code>WEBHOOK_SECRETS_FILE</code>; the gateway then refuses unsigned or forged requests
          for this bot.
        </p>
      ) : (
        <p>
          {integration.display_name} does not sign its requests. With a secret in the gateway’s{' '}
          <code>WEBHOOK_SECRETS_FILE</code>, requests for this bot must carry it in an{' '}
          <code>X-Webhook-Token</code> header.
        </p>
      )}
      <pre aria-label="WEBHOOK_SECRETS_FILE entry" tabIndex={0}>
        {entry}
      </pre>
      <button type="button" onClick={() => copy(secret, 'Secret')}>
        Copy secret
      </button>{' '}
      <button type="button" onClick={() => copy(entry, 'Entry')}>
        Copy file entry
      </button>
    </details>
  );
}
