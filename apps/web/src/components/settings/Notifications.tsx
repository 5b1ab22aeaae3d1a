import { useId } from 'react';
import { api } from '../../api';
import { userSettings } from '../../display-settings';
import {
  choicesWith,
  choiceValue,
  GROUPS,
  MATRIX_COLUMNS,
  MATRIX_ROWS,
  type NotificationControl,
} from '../../notification-settings';
import { Outcome, useAction, type ActionState } from './common';

/** Each change is saved at once; the server's `user_settings` event brings it to every browser. */
export function saveUserSetting(
  action: ActionState,
  name: string,
  value: string | number | boolean,
) {
  void action.run(async () => {
    userSettings.set((old) => ({ ...old, [name]: value }));
    await api('PATCH', '/settings', { [name]: value });
    return 'Saved.';
  });
}

function Control({
  control,
  values,
  action,
}: {
  control: NotificationControl;
  values: Record<string, unknown>;
  action: ActionState;
}) {
  const id = useId();
  const value = values[control.name];
  if (!control.choices) {
    return (
      <label className="choice">
        <input
          type="checkbox"
          checked={value === true}
          onChange={(e) => saveUserSetting(action, control.name, e.target.checked)}
        />
        {control.label}
      </label>
    );
  }
  return (
    <div className="field-row">
      <label htmlFor={id}>{control.label}</label>
      <select
        id={id}
        value={value === undefined ? '' : String(value)}
        onChange={(e) =>
          saveUserSetting(action, control.name, choiceValue(control, e.target.value))
        }
      >
        {choicesWith(control, value).map(([choice, label]) => (
          <option key={choice} value={String(choice)}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Notifications() {
  const values = userSettings.use();
  const action = useAction();
  return (
    <div className="settings-form">
      <table className="settings-table notification-matrix">
        <caption>Stream and followed-topic notifications</caption>
        <thead>
          <tr>
            <th scope="col">Messages in</th>
            {MATRIX_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MATRIX_ROWS.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.settings.map((name, i) => (
                <td key={name}>
                  <input
                    type="checkbox"
                    aria-label={`${row.label}: ${MATRIX_COLUMNS[i]}`}
                    checked={values[name] === true}
                    onChange={(e) => saveUserSetting(action, name, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {GROUPS.map((group) => (
        <fieldset key={group.title}>
          <legend>{group.title}</legend>
          {group.controls.map((control) => (
            <Control key={control.name} control={control} values={values} action={action} />
          ))}
        </fieldset>
      ))}
      <p className="hint">These follow you to every browser and device you sign in with.</p>
      <Outcome action={action} />
    </div>
  );
}
