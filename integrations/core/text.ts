/** Zulip's topic length limit; longer topics are cut and end in "...". */
export const MAX_TOPIC_LENGTH = 60;

export function truncateTopic(topic: string): string {
  const chars = [...topic];
  if (chars.length <= MAX_TOPIC_LENGTH) return topic;
  return chars.slice(0, MAX_TOPIC_LENGTH - 3).join('') + '...';
}

/** Shortens text for a one-line summary, ending in "..." when cut. */
export function ellipsize(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 3).join('') + '...';
}
