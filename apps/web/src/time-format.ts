/**
 * Date and time formatting for the feed. Formatters are made once: making one costs far more
 * than using it, and the feed formats every message it draws.
 */
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
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
