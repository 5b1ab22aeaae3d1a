/** Names and ids a message may refer to, so the caller can prefetch just those rows. */
export interface MessageReferences {
  userNames: string[];
  userIds: number[];
  groupNames: string[];
  streamNames: string[];
  emojiNames: string[];
}

/**
 * A quick scan of the raw content for mention, stream and emoji syntax. It over-approximates
 * (mentions inside code are included), which only means a few extra rows are fetched.
 */
export function extractReferences(content: string): MessageReferences {
  const userNames = new Set<string>();
  const userIds = new Set<number>();
  for (const match of content.matchAll(/@_?\*\*([^*\n]+)\*\*/g)) {
    const withId = /^(.*)\|(\d+)$/.exec(match[1]);
    if (withId) userIds.add(Number(withId[2]));
    else userNames.add(match[1].trim());
  }
  const groupNames = new Set<string>();
  for (const match of content.matchAll(/@_?\*(?!\*)([^*\n]+)\*/g)) groupNames.add(match[1].trim());
  const streamNames = new Set<string>();
  for (const match of content.matchAll(/#\*\*([^*\n>]+)(?:>[^*\n]*)?\*\*/g)) {
    streamNames.add(match[1].trim());
  }
  const emojiNames = new Set<string>();
  for (const match of content.matchAll(/:([a-z0-9_+-]+):/gi)) emojiNames.add(match[1]);
  return {
    userNames: [...userNames],
    userIds: [...userIds],
    groupNames: [...groupNames],
    streamNames: [...streamNames],
    emojiNames: [...emojiNames],
  };
}
