import { useEffect, useState } from 'react';
import { api } from '../../api';
import { store, useSlices } from '../../store';
import { SettingsForm, SettingsTable, useAction } from './common';

/** What each of Zulip's method names means to a person. */
const LABELS: Record<string, string> = {
  Email: 'Email and password',
  Dev: 'Development login (no password)',
  RemoteUser: 'Single sign-on through the organization’s sign-in server',
  'OpenID Connect': 'OpenID Connect',
};

const labelOf = (name: string) => LABELS[name] ?? name;

function current(): Record<string, boolean> {
  return {
    ...((store.realmSettings.realm_authentication_methods as Record<string, boolean>) ?? {}),
  };
}

/**
 * The ways to log in to the organization (`realm_authentication_methods`). Owners turn them on
 * and off (`PATCH /realm`, which refuses to leave none); administrators see them.
 */
export function AuthMethods() {
  useSlices('realm');
  const version = store.version('realm');
  const [methods, setMethods] = useState(current);
  // Another owner's change (the realm event) shows at once.
  useEffect(() => setMethods(current()), [version]);
  const save = useAction();
  if (!store.self.is_owner) {
    return (
      <>
        <p className="hint">Only organization owners can change how people log in.</p>
        <SettingsTable caption="Authentication methods" columns={['Method', 'Enabled']}>
          {Object.entries(methods).map(([name, on]) => (
            <tr key={name}>
              <th scope="row">{labelOf(name)}</th>
              <td>{on ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </SettingsTable>
      </>
    );
  }
  return (
    <SettingsForm
      submit="Save authentication methods"
      action={save}
      onSubmit={async () => {
        const before = current();
        const changed = Object.fromEntries(
          Object.entries(methods).filter(([name, on]) => before[name] !== on),
        );
        if (Object.keys(changed).length === 0) return 'Nothing to save.';
        await api('PATCH', '/realm', { authentication_methods: changed });
        return 'Saved.';
      }}
    >
      <fieldset>
        <legend>People of this organization can log in with</legend>
        {Object.entries(methods).map(([name, on]) => (
          <label key={name} className="choice">
            <input
              type="checkbox"
              checked={on}
              onChange={(e) => setMethods((m) => ({ ...m, [name]: e.target.checked }))}
            />
            {labelOf(name)}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        The server’s configuration decides which methods exist; at least one must stay on. API keys
        keep working whatever is chosen here.
      </p>
    </SettingsForm>
  );
}
