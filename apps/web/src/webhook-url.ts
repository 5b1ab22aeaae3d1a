/** What the integration hub's form chooses for one webhook URL. */
export interface WebhookUrlChoice {
  apiKey: string;
  /** Stream name; empty: the bot's owner gets direct messages. */
  stream: string;
  topic: string;
  /** Comma-separated branch names (integrations that support `branches`). */
  branches: string;
  onlyEvents: string[];
  excludeEvents: string[];
}

/**
 * The webhook URL as Zulip's integration docs describe it:
 * `<site>/api/v1/external/<name>?api_key=…&stream=…&topic=…`, with `branches` and the event
 * filters `only_events` / `exclude_events` (JSON lists) when chosen.
 */
export function webhookUrl(site: string, integration: string, choice: WebhookUrlChoice): string {
  const params = new URLSearchParams();
  params.set('api_key', choice.apiKey);
  if (choice.stream.trim()) params.set('stream', choice.stream.trim());
  if (choice.topic.trim()) params.set('topic', choice.topic.trim());
  const branches = choice.branches
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (branches.length > 0) params.set('branches', branches.join(','));
  if (choice.onlyEvents.length > 0) params.set('only_events', JSON.stringify(choice.onlyEvents));
  if (choice.excludeEvents.length > 0) {
    params.set('exclude_events', JSON.stringify(choice.excludeEvents));
  }
  return `${site.replace(/\/+$/, '')}/api/v1/external/${encodeURIComponent(integration)}?${params}`;
}

/** A WEBHOOK_SECRETS_FILE entry giving `bot` the secret `secret` for `integration`. */
export function secretsFileEntry(botEmail: string, integration: string, secret: string): string {
  return JSON.stringify({ [botEmail]: { [integration]: secret } }, null, 2);
}

export interface HourCount {
  hour: number;
  deliveries: number;
  failures: number;
}

/** The last `span` hours up to `now` (unix seconds), oldest first, hours without deliveries as 0. */
export function hourlySeries(counts: HourCount[], now: number, span: number): HourCount[] {
  const byHour = new Map(counts.map((c) => [c.hour, c]));
  const last = Math.floor(now / 3600) * 3600;
  const out: HourCount[] = [];
  for (let i = span - 1; i >= 0; i--) {
    const hour = last - i * 3600;
    out.push(byHour.get(hour) ?? { hour, deliveries: 0, failures: 0 });
  }
  return out;
}
