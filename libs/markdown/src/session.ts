import type { Token } from 'marked';
import { compileLinkifiers, type CompiledLinkifier, type TextSegment } from './linkifiers';
import type {
  LinkableStream,
  MentionableGroup,
  MentionableUser,
  RealmEmoji,
  RenderContext,
  WildcardName,
} from './types';

/** One inline image preview waiting to be placed after the paragraph that linked it. */
export interface PendingImage {
  href: string;
}

/**
 * Everything one renderMarkdown call looks up and collects. marked's extensions are plain
 * functions, so the active session is reached through currentSession() during the (synchronous)
 * render.
 */
export class RenderSession {
  readonly usersById = new Map<number, MentionableUser>();
  readonly usersByName = new Map<string, MentionableUser[]>();
  readonly groupsByName = new Map<string, MentionableGroup>();
  readonly streamsByName = new Map<string, LinkableStream>();
  readonly realmEmoji = new Map<string, RealmEmoji>();
  readonly linkifiers: readonly CompiledLinkifier[];

  readonly mentionedUserIds = new Set<number>();
  readonly silentMentionedUserIds = new Set<number>();
  readonly mentionedGroupIds = new Set<number>();
  wildcardMention: WildcardName | null = null;
  streamWildcardMentioned = false;
  topicWildcardMentioned = false;
  hasLink = false;
  hasImage = false;
  hasAttachment = false;
  readonly uploadPathIds = new Set<string>();
  readonly alertWordsMatched = new Set<string>();

  pendingImages: PendingImage[] = [];
  imageCount = 0;
  /** Linkifier results for each plain text token, computed for the whole message at once. */
  linkified = new Map<Token, TextSegment[]>();
  inlineSpans = 0;
  /** Depth of links being rendered: text inside a link is not linkified again. */
  linkDepth = 0;
  blockDepth = 0;
  inlineDepth = 0;

  constructor(readonly ctx: RenderContext) {
    for (const user of ctx.users ?? []) {
      this.usersById.set(user.id, user);
      const key = fold(user.fullName);
      this.usersByName.set(key, [...(this.usersByName.get(key) ?? []), user]);
    }
    for (const group of ctx.userGroups ?? []) this.groupsByName.set(fold(group.name), group);
    for (const stream of ctx.streams ?? []) this.streamsByName.set(fold(stream.name), stream);
    for (const emoji of ctx.realmEmoji ?? []) {
      if (!emoji.deactivated) this.realmEmoji.set(emoji.name, emoji);
    }
    this.linkifiers = compileLinkifiers(ctx.linkifiers ?? []);
  }

  /** A user named exactly once in the context; an ambiguous name mentions nobody. */
  userByName(name: string): MentionableUser | undefined {
    const matches = this.usersByName.get(fold(name)) ?? [];
    return matches.length === 1 ? matches[0] : undefined;
  }
}

/** Names match case-insensitively, as in Zulip. */
export function fold(name: string): string {
  return name.trim().toLowerCase();
}

let active: RenderSession | null = null;

export function currentSession(): RenderSession {
  if (!active) throw new Error('markdown extension used outside renderMarkdown');
  return active;
}

export function withSession<T>(session: RenderSession, fn: () => T): T {
  const previous = active;
  active = session;
  try {
    return fn();
  } finally {
    active = previous;
  }
}
