/**
 * Date and time formatting for the feed. Formatters are made once: making one costs far more
 * than using it, and the feed formats every message it draws.
 */
import { signal } from './signal';

const TWENTY_FOUR_HOUR_KEY = 'twenty_four_hour_time';

function savedHourCycle(): boolean | undefined {
  if (typeof localStorage === 'undefined') return undefined;
  const saved = localStorage.getItem(TWENTY_FOUR_HOUR_KEY);
  return saved === null ? undefined : saved === 'true';
}

/** The person's time format: 24-hour, 12-hour, or (undefined) the locale's. */
export const twentyFourHour = signal<boolean | undefined>(savedHourCycle());

function formatters(hour12: boolean | undefined) {
  const hourCycle = hour12 === undefined ? {} : { hour12 };
  return {
    timeOfDay: new Intl.DateTimeFormat(undefined, {
      hour: 'numeric',
      minute: '2-digit',
      ...hourCycle,
    }),
    fullDate: new Intl.DateTimeFormat(undefined, {
      dateStyle: 'full',
      timeStyle: 'short',
      ...hourCycle,
    }),
  };
}

let { timeOfDay, fullDate } = formatters(
  twentyFourHour.get() === undefined ? undefined : !twentyFourHour.get(),
);

export function setTwentyFourHour(on: boolean): void {
  localStorage.setItem(TWENTY_FOUR_HOUR_KEY, String(on));
  ({ timeOfDay, fullDate } = formatters(!on));
  twentyFourHour.set(on);
}
const dayHeading = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

export function formatTime(timestamp: number): string {
  return timeOfDay.format(timestamp * 1000);
}

export function formatFull(timestamp: number): string {
  return fullDate.format(timestamp * 1000);
}

/** "Today", "Yesterday" or the date, for the line between days. */
export function formatDay(timestamp: number, now = Date.now()): string {
  const day = (t: number) =>
    Math.floor((t - new Date(t).getTimezoneOffset() * 60_000) / 86_400_000);
  const diff = day(now) - day(timestamp * 1000);
  if (diff === 0) return 'Today';
  if (diff === 1) return 'Yesterday';
  return dayHeading.format(timestamp * 1000);
}
