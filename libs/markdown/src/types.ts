/** A user the message may mention. The caller prefetches candidates (see extractReferences). */
export interface MentionableUser {
  id: number;
  fullName: string;
}

export interface MentionableGroup {
  id: number;
  name: string;
}

export interface LinkableStream {
  id: number;
  name: string;
}

export interface RealmEmoji {
  id: number | string;
  name: string;
  /** Where the image is served from: a relative `/user_avatars/...` path or an http(s) URL. */
  sourceUrl: string;
  deactivated?: boolean;
}

/**
 * A realm linkifier. `pattern` is a RegExp or its source (Python-style `(?P<name>...)` groups are
 * accepted); `urlTemplate` is an RFC 6570 level-1 template such as
 * `https://github.com/org/repo/issues/{id}` whose variables are the pattern's named groups.
 */
export interface Linkifier {
  pattern: RegExp | string;
  urlTemplate: string;
}

export interface RenderContext {
  /** The realm's base URL, e.g. `https://chat.example.com`; links to it count as internal. */
  realmUrl: string;
  users?: readonly MentionableUser[];
  userGroups?: readonly MentionableGroup[];
  streams?: readonly LinkableStream[];
  realmEmoji?: readonly RealmEmoji[];
  linkifiers?: readonly Linkifier[];
  /** The realm setting `inline_image_preview`. */
  inlineImagePreview?: boolean;
  /** The recipient's alert words; matches are reported in RenderResult.alertWordsMatched. */
  alertWords?: readonly string[];
}

export type StreamWildcard = 'all' | 'everyone' | 'stream' | 'channel';
export type WildcardName = StreamWildcard | 'topic';

export interface RenderResult {
  html: string;
  /** Users mentioned with `@**Name**` (not silently). */
  mentionedUserIds: number[];
  /** Users mentioned only with `@_**Name**`; they get no `mentioned` flag. */
  silentMentionedUserIds: number[];
  /** Groups mentioned with `@*group*` (not silently). */
  mentionedGroupIds: number[];
  /** The first non-silent wildcard used, or null. */
  wildcardMention: WildcardName | null;
  /** `@**all**`, `@**everyone**`, `@**stream**` or `@**channel**` was used (not silently). */
  streamWildcardMentioned: boolean;
  /** `@**topic**` was used (not silently). */
  topicWildcardMentioned: boolean;
  hasLink: boolean;
  hasImage: boolean;
  /** A link to an uploaded file (`/user_uploads/...`). */
  hasAttachment: boolean;
  /** The path ids (`<realm id>/<random>/<name>`) of the uploads the message links to. */
  uploadPathIds: string[];
  isMeMessage: boolean;
  /** The alert words (as given in the context) that occur in the message text. */
  alertWordsMatched: string[];
  /** The input exceeded MAX_INPUT_CHARS and only its beginning was rendered. */
  truncated: boolean;
}

export interface TopicLink {
  text: string;
  url: string;
}
