import { FormEvent, useEffect, useId, useState } from 'react';
import { csrfToken, encodeParams } from '../api';

const ROLE_NAMES: Record<number, string> = {
  100: 'an organization owner',
  200: 'an organization administrator',
  300: 'a moderator',
  400: 'a member',
  600: 'a guest',
};

interface Envelope {
  result?: string;
  msg?: string;
  realm_name?: string;
  invite_as?: number;
}

/** The server's answer, or its error message (any answer that is not the JSON envelope). */
async function call(method: 'GET' | 'POST', path: string, body?: URLSearchParams) {
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers: body ? { 'X-CSRFToken': csrfToken() } : {},
    body,
    credentials: 'same-origin',
  });
  const answer = (await res.json().catch(() => ({}))) as Envelope;
  if (!res.ok || answer.result !== 'success') {
    throw new Error(answer.msg || `The server answered ${res.status}.`);
  }
  return answer;
}

/**
 * The sign-up page behind a reusable invitation link (`/join/<key>/`): it asks for the e-mail
 * address only, and the server mails a confirmation link there; that link's page asks for the
 * name and password and makes the account with the link's role and streams. The page says the
 * same whether or not the address already has an account (its owner learns by mail).
 */
export function JoinPage({ linkKey }: { linkKey: string }) {
  const [invite, setInvite] = useState<Envelope | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const path = `/join/${encodeURIComponent(linkKey)}`;

  useEffect(() => {
    call('GET', path).then(setInvite, (err: Error) => setFailed(err.message));
  }, [path]);

  useEffect(() => {
    if (invite?.realm_name) document.title = `Join ${invite.realm_name}`;
  }, [invite]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailed(null);
    try {
      await call('POST', path, encodeParams({ email }));
      setSent(email.trim());
    } catch (err) {
      setFailed((err as Error).message);
    }
    setBusy(false);
  }

  if (!invite) {
    return (
      <main className="join-page">
        <h1>Join the organization</h1>
        {failed ? (
          <>
            <p role="alert" className="join-error">
              {failed}
            </p>
            <p>
              <a href="/login/">Back to log in</a>
            </p>
          </>
        ) : (
          <p role="status">Loading…</p>
        )}
      </main>
    );
  }

  if (sent) {
    return (
      <main className="join-page">
        <h1>Check your email</h1>
        <p role="status">
          We sent a message to <strong>{sent}</strong>. Follow the link in it within a day to choose
          your name and password and finish joining {invite.realm_name}.
        </p>
        <p>
          <button type="button" className="text-button" onClick={() => setSent(null)}>
            Use another address
          </button>
        </p>
      </main>
    );
  }

  return (
    <main className="join-page">
      <h1>Join {invite.realm_name}</h1>
      <p>
        You are invited to join as {ROLE_NAMES[invite.invite_as ?? 400] ?? 'a member'}. Enter your
        email address: we will send you a link to finish signing up.
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          type="email"
          required
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        {failed && (
          <p role="alert" className="join-error">
            {failed}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Send the link
        </button>
      </form>
    </main>
  );
}
