import { useCallback, useEffect, useState } from 'react';
import type { BridgeHealthReport } from '@hub/api/bridge.types';
import { api } from '../../api';
import { store } from '../../store';
import { ago, bridgeStatus } from '../../bridge-status';
import { formatFull } from '../../time-format';
import './bridges.css';

/** How often the page asks again while it is open. */
const REFRESH_MS = 30_000;

const PROTOCOLS: Record<string, string> = { irc: 'IRC', jabber: 'XMPP', slack: 'Slack' };

function When({ timestamp }: { timestamp: number | null }) {
  if (timestamp === null) return <>never</>;
  return <time dateTime={new Date(timestamp * 1000).toISOString()}>{ago(timestamp)}</time>;
}

function BridgeRow({ report }: { report: BridgeHealthReport }) {
  const status = bridgeStatus(report);
  return (
    <tr>
      <th scope="row">
        {report.bot_full_name}
        <div className="hint">
          {PROTOCOLS[report.protocol] ?? report.protocol} · {report.bot_email}
        </div>
      </th>
      <td>
        <span className={`bridge-status bridge-${status.tone}`}>{status.label}</span>
        <div className="hint">
          reported{' '}
          <span title={formatFull(report.reported_at)}>
            <When timestamp={report.reported_at} />
          </span>
        </div>
      </td>
      <td>
        to chat: <When timestamp={report.last_message_to_chat} />
        <br />
        to {PROTOCOLS[report.protocol] ?? report.protocol}:{' '}
        <When timestamp={report.last_message_to_remote} />
      </td>
      <td>
        {report.queue_to_chat} / {report.queue_to_remote}
      </td>
      <td>
        <ul className="bridge-mappings">
          {report.mappings.map((m) => (
            <li key={m.remote}>
              {m.remote} ↔ #{m.stream}
              {m.topic !== undefined && ` > ${m.topic}`}
              {!m.joined && <em> (not joined)</em>}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

/** Administrators: each running mirror bridge (IRC, XMPP) and how it is doing. */
/** `#integrations/bridges`: administrators only (the API refuses everyone else too). */
export function Bridges() {
  if (!store.self.is_admin) {
    return (
      <p className="form-error" role="alert">
        Only organization administrators and owners can open these pages.
      </p>
    );
  }
  return <BridgeList />;
}

function BridgeList() {
  const [bridges, setBridges] = useState<BridgeHealthReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<{ bridges: BridgeHealthReport[] }>('GET', '/bridges')
      .then((reply) => {
        setBridges(reply.bridges);
        setError(null);
      })
      .catch((err: unknown) => setError((err as Error).message));
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  return (
    <>
      <p className="hint">
        Mirror bridges connect streams to IRC channels and XMPP rooms. Each running bridge reports
        here through its bot every minute or so; one that stops reporting is shown as not reporting.
        See <code>bridges/README.md</code> to set one up.
      </p>
      <button type="button" onClick={load}>
        Refresh
      </button>
      {error && <p role="alert">{error}</p>}
      {bridges === null ? (
        <p role="status">Loading…</p>
      ) : bridges.length === 0 ? (
        <p>No bridge has reported yet.</p>
      ) : (
        <table className="settings-table bridges-table">
          <caption>Bridges</caption>
          <thead>
            <tr>
              <th scope="col">Bridge</th>
              <th scope="col">Status</th>
              <th scope="col">Last message</th>
              <th scope="col">Queued (to chat / remote)</th>
              <th scope="col">Channels ↔ streams</th>
            </tr>
          </thead>
          <tbody>
            {bridges.map((b) => (
              <BridgeRow key={`${b.bot_id}/${b.protocol}`} report={b} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
