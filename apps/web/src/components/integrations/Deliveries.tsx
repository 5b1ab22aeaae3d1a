import { useCallback, useEffect, useId, useState } from 'react';
import {
  DELIVERY_OUTCOMES,
  type DeliveryHour,
  type DeliveryOutcome,
  type WebhookDelivery,
} from '@hub/api/webhook-delivery.types';
import { api } from '../../api';
import { showToast } from '../../ui';
import { hourlySeries } from '../../webhook-url';
import { useWebhookBots } from './hub-data';

const CHART_HOURS = 72;

const OUTCOME_LABELS: Record<DeliveryOutcome, string> = {
  queued: 'Queued',
  retrying: 'Retrying',
  delivered: 'Delivered',
  filtered: 'Filtered',
  failed: 'Failed',
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The deliveries the gateway accepted for the user's incoming-webhook bots, and replays. */
export function Deliveries() {
  const { bots } = useWebhookBots();
  const [botId, setBotId] = useState('');
  const [integration, setIntegration] = useState('');
  const [outcome, setOutcome] = useState('');
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [hours, setHours] = useState<DeliveryHour[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const id = useId();

  const reload = useCallback(() => setLoads((n) => n + 1), []);
  useEffect(() => {
    const scope = botId ? { bot_id: Number(botId) } : {};
    const filters = {
      ...scope,
      ...(integration ? { integration } : {}),
      ...(outcome ? { outcome } : {}),
    };
    Promise.all([
      api<{ deliveries: WebhookDelivery[] }>('GET', '/webhooks/deliveries', filters),
      api<{ hours: DeliveryHour[] }>('GET', '/webhooks/deliveries/stats', {
        ...scope,
        hours: CHART_HOURS,
      }),
    ]).then(
      ([list, stats]) => {
        setError(null);
        setDeliveries(list.deliveries);
        setHours(stats.hours);
      },
      (err: Error & { status?: number }) =>
        setError(
          err.status === 403
            ? 'Only organization administrators and the owners of incoming-webhook bots can see deliveries.'
            : err.message,
        ),
    );
  }, [botId, integration, outcome, loads]);

  const replay = async (d: WebhookDelivery) => {
    try {
      await api('POST', `/webhooks/deliveries/${d.id}/replay`);
      showToast('Replay queued');
      setTimeout(reload, 1000);
    } catch (err) {
      showToast((err as Error).message, true);
    }
  };

  const botName = (botIdOf: number) =>
    bots?.find((b) => b.user_id === botIdOf)?.full_name ?? `bot ${botIdOf}`;
  const integrations = [...new Set((deliveries ?? []).map((d) => d.integration))];
  if (integration && !integrations.includes(integration)) integrations.push(integration);

  return (
    <div className="hub-deliveries">
      <form
        className="inline-form"
        aria-label="Delivery filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <label htmlFor={`${id}-bot`}>Bot</label>
        <select id={`${id}-bot`} value={botId} onChange={(e) => setBotId(e.target.value)}>
          <option value="">All bots</option>
          {(bots ?? []).map((b) => (
            <option key={b.user_id} value={b.user_id}>
              {b.full_name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-integration`}>Integration</label>
        <select
          id={`${id}-integration`}
          value={integration}
          onChange={(e) => setIntegration(e.target.value)}
        >
          <option value="">All integrations</option>
          {integrations.sort().map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          <option value="">All outcomes</option>
          {DELIVERY_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o]}
            </option>
          ))}
        </select>
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!error && <HourlyChart hours={hours} />}
      {!error && deliveries === null && <p role="status">Loading deliveries…</p>}
      {!error && deliveries && deliveries.length === 0 && <p>No deliveries yet.</p>}
      {!error && deliveries && deliveries.length > 0 && (
        <table className="settings-table hub-table">
          <caption>Recent deliveries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Bot</th>
              <th scope="col">Integration</th>
              <th scope="col">Event</th>
              <th scope="col">Size</th>
              <th scope="col">Outcome</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} data-delivery-id={d.id}>
                <td>
                  <time dateTime={new Date(d.received_at * 1000).toISOString()}>
                    {new Date(d.received_at * 1000).toLocaleString()}
                  </time>
                </td>
                <td>{botName(d.bot_id)}</td>
                <td>{d.integration}</td>
                <td>
                  {d.event ?? '—'}
                  {d.replay_of !== null && <span className="hint"> (replay)</span>}
                </td>
                <td>{formatSize(d.size)}</td>
                <td>
                  <span className={`hub-outcome hub-outcome-${d.outcome}`}>
                    {OUTCOME_LABELS[d.outcome]}
                  </span>
                  {d.outcome === 'delivered' && d.message_id !== null && (
                    <>
                      {' '}
                      <a href={`#narrow/id/${d.message_id}`}>View message</a>
                    </>
                  )}
                  {d.reason && d.outcome !== 'delivered' && (
                    <div className="hub-reason">{d.reason}</div>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Replay delivery ${d.id} (${d.integration} ${d.event ?? ''})`}
                    onClick={() => void replay(d)}
                  >
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Deliveries and failures per hour over the last days, as bars. */
function HourlyChart({ hours }: { hours: DeliveryHour[] }) {
  const series = hourlySeries(hours, Date.now() / 1000, CHART_HOURS);
  const total = series.reduce((n, h) => n + h.deliveries, 0);
  const failures = series.reduce((n, h) => n + h.failures, 0);
  const max = Math.max(1, ...series.map((h) => h.deliveries));
  const width = 720;
  const height = 140;
  const left = 32;
  const bottom = 20;
  const barWidth = (width - left) / series.length;
  const scale = (n: number) => (n / max) * (height - bottom - 8);
  const summary = `${total} deliveries and ${failures} failures in the last ${CHART_HOURS / 24} days`;
  return (
    <figure className="hub-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        <line x1={left} y1={height - bottom} x2={width} y2={height - bottom} className="axis" />
        <text x={left - 4} y={12} textAnchor="end" className="tick">
          {max}
        </text>
        <text x={left - 4} y={height - bottom} textAnchor="end" className="tick">
          0
        </text>
        {series.map((h, i) => {
          const x = left + i * barWidth;
          const all = scale(h.deliveries);
          const bad = scale(h.failures);
          return (
            <g key={h.hour}>
              {h.deliveries > 0 && (
                <rect
                  x={x + 1}
                  width={Math.max(1, barWidth - 2)}
                  y={height - bottom - all}
                  height={all}
                  className="bar-all"
                />
              )}
              {h.failures > 0 && (
                <rect
                  x={x + 1}
                  width={Math.max(1, barWidth - 2)}
                  y={height - bottom - bad}
                  height={bad}
                  className="bar-failed"
                />
              )}
              {i % 24 === 0 && (
                <text x={x} y={height - 4} className="tick">
                  {new Date(h.hour * 1000).toLocaleDateString(undefined, {
                    month: 'short',
                    day: 'numeric',
                  })}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        Deliveries per hour <span className="legend legend-all" aria-hidden="true" /> all{' '}
        <span className="legend legend-failed" aria-hidden="true" /> failed — {summary}.
      </figcaption>
    </figure>
  );
}
