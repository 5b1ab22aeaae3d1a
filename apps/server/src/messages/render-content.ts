/**
 * The one place message content and topics are rendered (with libs/markdown). Send, edit, the
 * render endpoint and fetch all go through here.
 */
import {
  extractReferences,
  MessageReferences,
  renderMarkdown,
  RenderContext,
  renderTopicLinks as renderLinks,
  TopicLink,
} from '@hub/markdown';

export { extractReferences };
export type { MessageReferences, RenderContext };

/** A `realm_filters` row. */
export interface LinkifierRow {
  pattern: string;
  url_template: string;
}

export interface RenderedContent {
  html: string;
  mentionedUserIds: number[];
  mentionedGroupIds: number[];
  /** `@**all**` / `@**everyone**` / `@**stream**` / `@**channel**`. */
  streamWildcardMentioned: boolean;
  /** `@**topic**`: only the topic's participants count as mentioned. */
  topicWildcardMentioned: boolean;
  hasLink: boolean;
  hasImage: boolean;
  hasAttachment: boolean;
  /** The uploads the message links to, by path id. */
  uploadPathIds: string[];
  isMeMessage: boolean;
}

export function toLinkifiers(rows: readonly LinkifierRow[]): RenderContext['linkifiers'] {
  return rows.map((r) => ({ pattern: r.pattern, urlTemplate: r.url_template }));
}

export function renderContent(content: string, ctx: RenderContext): RenderedContent {
  const result = renderMarkdown(content, ctx);
  return {
    html: result.html,
    mentionedUserIds: result.mentionedUserIds,
    mentionedGroupIds: result.mentionedGroupIds,
    streamWildcardMentioned: result.streamWildcardMentioned,
    topicWildcardMentioned: result.topicWildcardMentioned,
    hasLink: result.hasLink,
    hasImage: result.hasImage,
    hasAttachment: result.hasAttachment,
    uploadPathIds: result.uploadPathIds,
    isMeMessage: result.isMeMessage,
  };
}

/** Zulip's `topic_links`: linkifier matches and plain URLs in a topic. */
export function renderTopicLinks(topic: string, linkifiers: readonly LinkifierRow[]): TopicLink[] {
  return renderLinks(topic, toLinkifiers(linkifiers) ?? []);
}
