/**
 * Channel email addresses, as Zulip's email gateway makes them: EMAIL_GATEWAY_PATTERN's `%s`
 * becomes `<channel-name>.<token>` plus optional flags (`.show-sender`, `.include-footer`,
 * `.include-quotes`, `.prefer-html`); `+` separates them too (older addresses, and some mail
 * systems drop one or the other). Only the token identifies the channel: the name is for people.
 */

/** What the flags of an address ask of the message made from the email. */
export interface AddressOptions {
  /** Start the message with the sender's `From:` line. */
  showSender: boolean;
  /** Keep the signature after a `--` line. */
  includeFooter: boolean;
  /** Keep the quoted earlier messages of a reply. */
  includeQuotes: boolean;
  /** Use the HTML part (converted to Markdown) even when there is a plain-text one. */
  preferHtml: boolean;
}

export const NO_OPTIONS: AddressOptions = {
  showSender: false,
  includeFooter: false,
  includeQuotes: false,
  preferHtml: false,
};

const FLAGS: ReadonlyArray<[string, keyof AddressOptions]> = [
  ['show-sender', 'showSender'],
  ['include-footer', 'includeFooter'],
  ['include-quotes', 'includeQuotes'],
  ['prefer-html', 'preferHtml'],
];

/** A channel's token: 32 lower-case hex digits (128 random bits). */
export const TOKEN_PATTERN = /^[0-9a-f]{32}$/;

/**
 * The channel name as it appears in an address: runs of anything but ASCII letters and digits
 * become one `-`. A name that would lose letters that way (non-Latin scripts) is left out, as
 * Zulip does, rather than mangled.
 */
export function addressNamePart(channelName: string): string {
  const folded = channelName.normalize('NFKD').replace(/\p{M}/gu, '');
  if (/[^\x00-\x7f]/.test(folded.replace(/[\s\p{P}\p{S}]/gu, ''))) return '';
  return folded
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** The address of a channel: `pattern` with `%s` replaced by `[name.]token[.flag...]`. */
export function encodeChannelAddress(
  pattern: string,
  channelName: string,
  token: string,
  options: Partial<AddressOptions> = {},
): string {
  const name = addressNamePart(channelName);
  const parts = name ? [name, token] : [token];
  for (const [flag, key] of FLAGS) if (options[key]) parts.push(flag);
  return pattern.replace('%s', parts.join('.'));
}

export interface DecodedAddress {
  token: string;
  options: AddressOptions;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The token and flags of an address made from `pattern`, or undefined when the address is not
 * one of the gateway's (another domain, no token). The comparison ignores case, as mail does.
 */
export function decodeChannelAddress(pattern: string, address: string): DecodedAddress | undefined {
  const [before, after] = pattern.split('%s').map(escapeRegExp);
  const match = new RegExp(`^${before}(.+?)${after}$`, 'i').exec(address.trim());
  if (!match) return undefined;
  const options: AddressOptions = { ...NO_OPTIONS };
  const rest: string[] = [];
  for (const part of match[1].toLowerCase().split(/[.+]/)) {
    const flag = FLAGS.find(([name]) => name === part);
    if (flag) options[flag[1]] = true;
    else rest.push(part);
  }
  // What is left: [token] or [name, token]; a name never contains a dot.
  if (rest.length < 1 || rest.length > 2) return undefined;
  const token = rest[rest.length - 1];
  if (!TOKEN_PATTERN.test(token)) return undefined;
  return { token, options };
}

/** Whether `address` has the pattern's shape (its domain and affixes), token or not. */
export function matchesPattern(pattern: string, address: string): boolean {
  const [before, after] = pattern.split('%s').map(escapeRegExp);
  return new RegExp(`^${before}.+${after}$`, 'i').test(address.trim());
}
