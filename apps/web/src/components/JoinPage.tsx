import { FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { csrfToken, encodeParams } from '../api';
import { estimateStrength } from '../password-strength';

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
 * The sign-up page behind a reusable invitation link (`/join/<key>/`): e-mail address, name and
 * password make an account with the link's role and streams, signed in at once.
 */
export function JoinPage({ linkKey }: { linkKey: string }) {
  const [invite, setInvite] = useState<Envelope | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const path = `/join/${encodeURIComponent(linkKey)}`;
  const strength = useMemo(
    () => estimateStrength(password, [email, fullName]),
    [password, email, fullName],
  );

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
      await call('POST', path, encodeParams({ email, full_name: fullName, password }));
      window.location.assign('/');
    } catch (err) {
      setFailed((err as Error).message);
      setBusy(false);
    }
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

  return (
    <main className="join-page">
      <h1>Join {invite.realm_name}</h1>
      <p>
        You are invited to join as {ROLE_NAMES[invite.invite_as ?? 400] ?? 'a member'}. Choose how
        you will sign in.
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
        <label htmlFor={`${id}-name`}>Full name</label>
        <input
          id={`${id}-name`}
          type="text"
          required
          maxLength={100}
          autoComplete="name"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
        />
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          required
          autoComplete="new-password"
          aria-describedby={`${id}-strength`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className={`strength score-${strength.score}`}>
          <meter
            min={0}
            max={4}
            low={2}
            high={3}
            optimum={4}
            value={password ? strength.score + 1 : 0}
            aria-label="Password strength"
          />
          <span id={`${id}-strength`}>
            {password
              ? `Strength: ${strength.label}`
              : 'Use a long password you do not use elsewhere.'}
          </span>
        </div>
        {failed && (
          <p role="alert" className="join-error">
            {failed}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Create account
        </button>
      </form>
    </main>
  );
}
