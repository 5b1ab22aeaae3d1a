import { useId, useMemo, useState } from 'react';
import { api } from '../../api';
import { estimateStrength } from '../../password-strength';
import { store, useSlices } from '../../store';
import { chooseTheme, chooseTwentyFourHour, userSettings } from '../../display-settings';
import { twentyFourHour } from '../../time-format';
import { theme, type Theme } from '../../ui';
import { downloadText, Outcome, SettingsForm, TextField, useAction, zuliprcText } from './common';
import { saveUserSetting } from './Notifications';

export function Profile() {
  useSlices('realm');
  const [name, setName] = useState(store.self.full_name);
  const save = useAction();
  return (
    <SettingsForm
      submit="Save name"
      action={save}
      onSubmit={async () => {
        await api('PATCH', '/settings', { full_name: name.trim() });
        return 'Your name is saved.';
      }}
    >
      <TextField
        label="Full name"
        value={name}
        onChange={setName}
        maxLength={60}
        required
        autoComplete="name"
      />
    </SettingsForm>
  );
}

function PasswordChange() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useAction();
  const id = useId();
  const strength = useMemo(
    () => estimateStrength(next, [store.self.full_name, store.self.delivery_email ?? '']),
    [next],
  );
  return (
    <SettingsForm
      title="Change password"
      submit="Change password"
      action={change}
      onSubmit={async () => {
        await api('PATCH', '/settings', { old_password: current, new_password: next });
        setCurrent('');
        setNext('');
        return 'Your password is changed. Your other sessions have been logged out.';
      }}
    >
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={setCurrent}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        value={next}
        aria-describedby={`${id}-strength`}
        onChange={setNext}
      />
      <div className={`strength score-${strength.score}`}>
        <meter
          min={0}
          max={4}
          low={2}
          high={3}
          optimum={4}
          value={next ? strength.score + 1 : 0}
          aria-label="Password strength"
        />
        <span id={`${id}-strength`}>
          {next ? `Strength: ${strength.label}` : 'Use a long password you do not use elsewhere.'}
        </span>
      </div>
    </SettingsForm>
  );
}

/** The API key, shown only after the password is typed again; regenerate; `.zuliprc`. */
function ApiKey() {
  const [password, setPassword] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const action = useAction();
  const id = useId();
  const email = store.self.delivery_email || store.self.email;
  if (key === null) {
    return (
      <SettingsForm
        title="API key"
        submit="Show API key"
        action={action}
        onSubmit={async () => {
          const reply = await api<{ api_key: string }>('POST', '/fetch_api_key', {
            username: email,
            password,
          });
          setPassword('');
          setKey(reply.api_key);
        }}
      >
        <p className="hint">Type your password again to see your API key.</p>
        <TextField
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
      </SettingsForm>
    );
  }
  return (
    <div className="settings-form" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>API key</h3>
      <p>
        Your API key: <code aria-label="Your API key">{key}</code>
      </p>
      <div className="form-actions">
        <button
          onClick={() =>
            void action.run(async () => {
              const reply = await api<{ api_key: string }>('POST', '/users/me/api_key/regenerate');
              setKey(reply.api_key);
              return 'A new API key is ready; the old one no longer works.';
            })
          }
          disabled={action.busy}
        >
          Regenerate API key
        </button>
        <button onClick={() => downloadText('zuliprc', zuliprcText(email, key, location.origin))}>
          Download .zuliprc
        </button>
      </div>
      <Outcome action={action} />
    </div>
  );
}

/** A new address takes effect only when the link mailed to it is followed. */
function EmailChange() {
  const [email, setEmail] = useState('');
  const change = useAction();
  const disabled =
    store.realmSettings.realm_email_changes_disabled === true && !store.self.is_admin;
  if (disabled) {
    return <p className="hint">Your organization does not allow changing email addresses.</p>;
  }
  return (
    <SettingsForm
      title="Change email"
      submit="Send confirmation link"
      action={change}
      onSubmit={async () => {
        const address = email.trim();
        await api('PATCH', '/settings', { email: address });
        setEmail('');
        return `We sent a link to ${address}. Your email changes when you follow it.`;
      }}
    >
      <TextField
        label="New email address"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={setEmail}
      />
    </SettingsForm>
  );
}

const PRIVACY: Array<[string, string]> = [
  ['send_read_receipts', 'Let others see when I have read their messages'],
  [
    'allow_private_data_export',
    'Let administrators include my private messages when they export the organization',
  ],
];

/** Saved at once, like the notification settings. */
function Privacy() {
  const values = userSettings.use();
  const action = useAction();
  return (
    <div className="settings-form">
      <fieldset>
        <legend>Privacy</legend>
        {PRIVACY.map(([name, label]) => (
          <label key={name} className="choice">
            <input
              type="checkbox"
              checked={values[name] === true}
              onChange={(e) => saveUserSetting(action, name, e.target.checked)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <Outcome action={action} />
    </div>
  );
}

export function Account() {
  useSlices('realm', 'users');
  return (
    <>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{store.self.delivery_email || store.self.email}</dd>
      </dl>
      <EmailChange />
      <PasswordChange />
      <ApiKey />
      <Privacy />
    </>
  );
}

const THEMES: Array<[Theme, string]> = [
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['auto', 'Automatic (as the system)'],
];

export function Display() {
  const current = theme.use();
  const hours = twentyFourHour.use();
  const save = useAction();
  return (
    <div className="settings-form">
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="theme"
              value={value}
              checked={current === value}
              onChange={() => void save.run(() => chooseTheme(value))}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Time format</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={hours === true}
            onChange={(e) => {
              const on = e.target.checked;
              void save.run(() => chooseTwentyFourHour(on));
            }}
          />
          Use 24-hour time (17:00 instead of 5:00 PM)
        </label>
      </fieldset>
      <p className="hint">These follow you to every browser and device you sign in with.</p>
      <Outcome action={save} />
    </div>
  );
}
