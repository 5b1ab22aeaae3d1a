/**
 * IRC nicks in chat emails: `[`, `]` and `\` are not allowed in an email's local part, and under
 * IRC's rfc1459 case mapping they are the same characters as `{`, `}` and `|`, so they are
 * written that way: `foo[m]` is mirrored as `foo{m}@irc.example.net`, and messages to that
 * address still reach `foo[m]` on IRC.
 */
export function nickToLocalPart(nick: string): string {
  return nick.replace(/\[/g, '{').replace(/\]/g, '}').replace(/\\/g, '|');
}

/** rfc1459 case folding: nicks and channels compare equal under it. */
export function ircLower(name: string): string {
  return name.toLowerCase().replace(/\[/g, '{').replace(/\]/g, '}').replace(/\\/g, '|');
}

/** The next nick to try when ours is taken: `nick_`, `nick__`, then `nick` plus digits. */
export function alternativeNick(wanted: string, attempt: number): string {
  if (attempt <= 2) return `${wanted}${'_'.repeat(attempt)}`;
  return `${wanted.slice(0, 12)}${Math.floor(100 + Math.random() * 900)}`;
}
