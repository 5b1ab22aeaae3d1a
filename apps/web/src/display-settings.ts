import { api } from './api';
import { signal } from './signal';
import { setTwentyFourHour } from './time-format';
import { theme, type Theme } from './ui';

/** Zulip's `color_scheme` values. */
const SCHEMES: Array<[number, Theme]> = [
  [1, 'auto'],
  [2, 'dark'],
  [3, 'light'],
];

/** Every one of the person's settings the server told of (the settings pages read these). */
export const userSettings = signal<Record<string, unknown>>({});

/**
 * The person's settings from the server (`user_settings` at registration, or one
 * `user_settings` event), so every browser they use looks the same.
 */
export function applyUserSettings(settings: Record<string, unknown>): void {
  userSettings.set((old) => ({ ...old, ...settings }));
  const scheme = SCHEMES.find(([n]) => n === settings.color_scheme)?.[1];
  if (scheme) theme.set(scheme);
  if (typeof settings.twenty_four_hour_time === 'boolean')
    setTwentyFourHour(settings.twenty_four_hour_time);
}

export async function chooseTheme(value: Theme): Promise<void> {
  theme.set(value);
  const scheme = SCHEMES.find(([, t]) => t === value)?.[0] ?? 1;
  await api('PATCH', '/settings', { color_scheme: scheme });
}

export async function chooseTwentyFourHour(on: boolean): Promise<void> {
  setTwentyFourHour(on);
  await api('PATCH', '/settings', { twenty_four_hour_time: on });
}
