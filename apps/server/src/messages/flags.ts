/** Bits of `user_messages.flags`. The schema's partial indexes rely on read=1, starred=2, 24. */
export const MessageFlag = {
  read: 1,
  starred: 2,
  collapsed: 4,
  mentioned: 8,
  wildcard_mentioned: 16,
  has_alert_word: 32,
  historical: 64,
} as const;

export type FlagName = keyof typeof MessageFlag;

/** The flags a user may set or clear through `POST /messages/flags`. */
export const USER_SETTABLE_FLAGS: readonly FlagName[] = ['read', 'starred', 'collapsed'];

const FLAG_NAMES = Object.keys(MessageFlag) as FlagName[];

export function isFlagName(name: string): name is FlagName {
  return (FLAG_NAMES as string[]).includes(name);
}

/** The flag names set in `bits`, in Zulip's order. */
export function flagNames(bits: number): FlagName[] {
  return FLAG_NAMES.filter((name) => (bits & MessageFlag[name]) !== 0);
}

/** Flags for someone reading a message they never received (public-stream history). */
export const HISTORICAL_FLAGS = MessageFlag.read | MessageFlag.historical;
