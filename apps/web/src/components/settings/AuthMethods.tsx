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

/** One method's state in `realm_authentication_methods` (Zulip's shape since feature level 227). */
interface MethodState {
  enabled: boolean;
  available: boolean;
  unavailable_reason?: string;
}

function current(): Record<string, MethodState> {
  const raw = (store.realmSettings.realm_authentication_methods ?? {}) as Record<
    string,
    MethodState
  >;
  return Object.fromEntries(Object.entries(raw).map(([name, state]) => [name, { ...state }]));
}

/**
 * The ways to log in to the organization. Owners turn the ones the server offers on and off
 * (`PATCH /realm` `authentication_methods`, which refuses to leave none); administrators see them.
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
          {Object.entries(methods).map(([name, state]) => (
            <tr key={name}>
              <th scope="row">{labelOf(name)}</th>
              <td>{state.enabled ? 'Yes' : state.available ? 'No' : 'Not configured'}</td>
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
          Object.entries(methods)
            .filter(([name, state]) => state.available && before[name]?.enabled !== state.enabled)
            .map(([name, state]) => [name, state.enabled]),
        );
        if (Object.keys(changed).length === 0) return 'Nothing to save.';
        await api('PATCH', '/realm', { authentication_methods: changed });
        return 'Saved.';
      }}
    >
      <fieldset>
        <legend>People of this organization can log in with</legend>
        {Object.entries(methods).map(([name, state]) => (
          <label key={name} className="choice">
            <input
              type="checkbox"
              checked={state.enabled}
              disabled={!state.available}
              onChange={(e) => {
                const enabled = e.target.checked;
                setMethods((m) => ({ ...m, [name]: { ...state, enabled } }));
              }}
            />
            {labelOf(name)}
            {!state.available && <span className="hint"> ({state.unavailable_reason})</span>}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        At least one must stay on. API keys keep working whatever is chosen here.
      </p>
    </SettingsForm>
  );
}
