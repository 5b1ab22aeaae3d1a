import { store, useSlices } from '../../store';
import { SettingsTable } from './common';

/**
 * The ways to log in to the organization (`realm_authentication_methods`). This server decides
 * them from its configuration (`PATCH /realm` does not take `authentication_methods`), so the
 * page shows them without controls.
 */
export function AuthMethods() {
  useSlices('realm');
  const methods = Object.entries(
    (store.realmSettings.realm_authentication_methods as Record<string, boolean> | undefined) ?? {},
  );
  return (
    <>
      <p className="hint">
        The server’s configuration sets these; they cannot be changed from the browser.
      </p>
      <SettingsTable caption="Authentication methods" columns={['Method', 'Enabled']}>
        {methods.map(([name, on]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{on ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </SettingsTable>
    </>
  );
}
