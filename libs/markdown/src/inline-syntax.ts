import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { unicodeEmojiByName } from './emoji';
import { escapeHtml } from './html';
import { currentSession, type RenderSession } from './session';
import type { LinkableStream, MentionableGroup, MentionableUser, WildcardName } from './types';
import { resolveLink, streamNarrowHref, topicNarrowHref } from './urls';

/**
 * Where marked should stop plain text to try this syntax. marked asks again at every text
 * position, so searching the whole remaining input would be quadratic; searching a window and
 * otherwise stopping at its end (where plain text simply resumes) keeps it linear.
 */
function startWithin(src: string, needle: string): number | undefined {
  const found = src.slice(0, START_WINDOW).indexOf(needle);
  if (found !== -1) return found;
  return src.length > START_WINDOW ? START_WINDOW - needle.length : undefined;
}

const START_WINDOW = 512;

const WILDCARDS: ReadonlySet<string> = new Set(['all', 'everyone', 'stream', 'channel', 'topic']);

type UserMentionTarget =
  { kind: 'user'; user: MentionableUser } | { kind: 'wildcard'; name: WildcardName };

interface UserMentionToken extends Tokens.Generic {
  type: 'userMention';
  silent: boolean;
  target: UserMentionTarget;
}

interface GroupMentionToken extends Tokens.Generic {
  type: 'groupMention';
  silent: boolean;
  group: MentionableGroup;
}

interface StreamLinkToken extends Tokens.Generic {
  type: 'streamLink';
  stream: LinkableStream;
  topic: string | null;
}

interface EmojiToken extends Tokens.Generic {
  type: 'emoji';
  html: string;
}

/** `@**Full Name**`, `@**Full Name|id**`, `@**all**`...; `@_**...**` is silent. */
const userMention: TokenizerAndRendererExtension = {
  name: 'userMention',
  level: 'inline',
  start: (src) => startWithin(src, '@'),
  tokenizer(src): UserMentionToken | undefined {
    const match = /^@(_?)\*\*([^*\n]+)\*\*/.exec(src);
    if (!match) return undefined;
    const target = resolveUserMention(currentSession(), match[2]);
    if (!target) return undefined;
    return { type: 'userMention', raw: match[0], silent: match[1] === '_', target };
  },
  renderer(token) {
    return renderUserMention(currentSession(), token as UserMentionToken);
  },
};

function resolveUserMention(session: RenderSession, text: string): UserMentionTarget | undefined {
  const name = text.trim();
  if (WILDCARDS.has(name)) return { kind: 'wildcard', name: name as WildcardName };
  const withId = /^(.*)\|(\d+)$/.exec(name);
  if (withId) {
    const user = session.usersById.get(Number(withId[2]));
    const nameGiven = withId[1].trim();
    if (!user || (nameGiven !== '' && nameGiven.toLowerCase() !== user.fullName.toLowerCase())) {
      return undefined;
    }
    return { kind: 'user', user };
  }
  const user = session.userByName(name);
  return user ? { kind: 'user', user } : undefined;
}

function renderUserMention(session: RenderSession, token: UserMentionToken): string {
  const prefix = token.silent ? '' : '@';
  const silentClass = token.silent ? ' silent' : '';
  const { target } = token;
  if (target.kind === 'wildcard') {
    if (!token.silent) recordWildcard(session, target.name);
    if (target.name === 'topic') {
      return `<span class="topic-mention${silentClass}">${prefix}topic</span>`;
    }
    return `<span class="user-mention${silentClass}" data-user-id="*">${prefix}${target.name}</span>`;
  }
  const { user } = target;
  if (token.silent) session.silentMentionedUserIds.add(user.id);
  else session.mentionedUserIds.add(user.id);
  return (
    `<span class="user-mention${silentClass}" data-user-id="${user.id}">` +
    `${prefix}${escapeHtml(user.fullName)}</span>`
  );
}

function recordWildcard(session: RenderSession, name: WildcardName): void {
  session.wildcardMention ??= name;
  if (name === 'topic') session.topicWildcardMentioned = true;
  else session.streamWildcardMentioned = true;
}

/** `@*group*`; `@_*group*` is silent. */
const groupMention: TokenizerAndRendererExtension = {
  name: 'groupMention',
  level: 'inline',
  start: (src) => startWithin(src, '@'),
  tokenizer(src): GroupMentionToken | undefined {
    const match = /^@(_?)\*(?!\*)([^*\n]+)\*/.exec(src);
    if (!match) return undefined;
    const group = currentSession().groupsByName.get(match[2].trim().toLowerCase());
    if (!group) return undefined;
    return { type: 'groupMention', raw: match[0], silent: match[1] === '_', group };
  },
  renderer(token) {
    const { silent, group } = token as GroupMentionToken;
    if (!silent) currentSession().mentionedGroupIds.add(group.id);
    return (
      `<span class="user-group-mention${silent ? ' silent' : ''}" data-user-group-id="${group.id}">` +
      `${silent ? '' : '@'}${escapeHtml(group.name)}</span>`
    );
  },
};

/** `#**stream**` and `#**stream>topic**`. */
const streamLink: TokenizerAndRendererExtension = {
  name: 'streamLink',
  level: 'inline',
  start: (src) => startWithin(src, '#**'),
  tokenizer(src): StreamLinkToken | undefined {
    const match = /^#\*\*([^*\n]+)\*\*/.exec(src);
    if (!match) return undefined;
    const separator = match[1].indexOf('>');
    const name = separator === -1 ? match[1] : match[1].slice(0, separator);
    const stream = currentSession().streamsByName.get(name.trim().toLowerCase());
    if (!stream) return undefined;
    const topic = separator === -1 ? null : match[1].slice(separator + 1);
    return { type: 'streamLink', raw: match[0], stream, topic };
  },
  renderer(token) {
    const { stream, topic } = token as StreamLinkToken;
    if (topic === null) {
      return (
        `<a class="stream" data-stream-id="${stream.id}" href="${escapeHtml(streamNarrowHref(stream))}">` +
        `#${escapeHtml(stream.name)}</a>`
      );
    }
    return (
      `<a class="stream-topic" data-stream-id="${stream.id}" ` +
      `href="${escapeHtml(topicNarrowHref(stream, topic))}">` +
      `#${escapeHtml(stream.name)} &gt; ${escapeHtml(topic)}</a>`
    );
  },
};

/** `:name:` for realm emoji (which take precedence, as in Zulip) and unicode emoji. */
const emoji: TokenizerAndRendererExtension = {
  name: 'emoji',
  level: 'inline',
  start: (src) => startWithin(src, ':'),
  tokenizer(src): EmojiToken | undefined {
    const match = /^:([a-z0-9_+-]+):/i.exec(src);
    if (!match) return undefined;
    const html = renderEmoji(currentSession(), match[1]);
    return html === undefined ? undefined : { type: 'emoji', raw: match[0], html };
  },
  renderer(token) {
    return (token as EmojiToken).html;
  },
};

function renderEmoji(session: RenderSession, name: string): string | undefined {
  const title = escapeHtml(name.replace(/_/g, ' '));
  const custom = session.realmEmoji.get(name);
  if (custom) {
    const target = resolveLink(custom.sourceUrl, session.ctx.realmUrl);
    if (!target) return undefined;
    return `<img alt=":${escapeHtml(name)}:" class="emoji" src="${escapeHtml(target.href)}" title="${title}">`;
  }
  const unicode = unicodeEmojiByName(name);
  if (!unicode) return undefined;
  return (
    `<span aria-label="${title}" class="emoji emoji-${unicode.code}" role="img" title="${title}">` +
    `:${escapeHtml(name)}:</span>`
  );
}

export const inlineExtensions = [userMention, groupMention, streamLink, emoji];
