export { renderMarkdown } from './render';
export { renderTopicLinks } from './linkifiers';
export { extractReferences, type MessageReferences } from './references';
export { MAX_INPUT_CHARS } from './limits';
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
