export { renderMarkdown } from './render';
export { renderTopicLinks } from './linkifiers';
export { hashEncode, streamNarrowHref, topicNarrowHref } from './urls';
export { extractReferences, type MessageReferences } from './references';
export { MAX_INPUT_CHARS } from './limits';
export {
  unicodeEmojiByCode,
  unicodeEmojiByName,
  ZULIP_EXTRA_EMOJI,
  type UnicodeEmoji,
} from './emoji';
export type {
  LinkableStream,
  Linkifier,
  MentionableGroup,
  MentionableUser,
  RealmEmoji,
  RenderContext,
  RenderResult,
  StreamWildcard,
  TopicLink,
  WildcardName,
} from './types';
