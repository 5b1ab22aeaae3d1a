import { Injectable } from '@nestjs/common';
import { LinkifiersRepository } from '../linkifiers/linkifiers.repository';
import { RealmEmojiRepository } from '../emoji/realm-emoji.repository';
import { realmEmojiUrl } from '../emoji/realm-emoji.service';
import { ZulipError } from '../common/zulip-error';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { Realm } from '../identity/realm.types';
import { RenderReferencesRepository } from './render-references.repository';
import { extractReferences, RenderedContent, renderContent, toLinkifiers } from './render-content';

/**
 * Loads what the Markdown renderer needs — only the users, groups, streams and emoji the content
 * names, plus the realm's linkifiers and active custom emoji (both cached) — and renders. At most
 * five queries, whatever the content.
 */
@Injectable()
export class ContentRenderer {
  constructor(
    private readonly refs: RenderReferencesRepository,
    private readonly resolver: RealmResolver,
    private readonly linkifiers: LinkifiersRepository,
    private readonly realmEmoji: RealmEmojiRepository,
  ) {}

  async render(realm: Realm, senderId: number, content: string): Promise<RenderedContent> {
    const wanted = extractReferences(content);
    const none = Promise.resolve([]);
    const [users, groups, streams, emoji, linkifiers] = await Promise.all([
      wanted.userNames.length || wanted.userIds.length
        ? this.refs.users(realm.id, wanted.userNames, wanted.userIds)
        : none,
      wanted.groupNames.length ? this.refs.groups(realm.id, wanted.groupNames) : none,
      wanted.streamNames.length ? this.refs.streams(realm.id, senderId, wanted.streamNames) : none,
      wanted.emojiNames.length ? this.namedEmoji(realm.id, wanted.emojiNames) : none,
      this.linkifiers.list(realm.id),
    ]);
    return renderContent(content, {
      realmUrl: this.resolver.realmUrl(realm),
      users: users.map((u) => ({ id: u.id, fullName: u.full_name })),
      userGroups: groups,
      streams,
      realmEmoji: emoji.map((e) => ({
        id: e.id,
        name: e.name,
        sourceUrl: realmEmojiUrl(realm.id, e.file_name),
      })),
      linkifiers: toLinkifiers(linkifiers),
      inlineImagePreview: realm.inline_image_preview,
    });
  }

  private async namedEmoji(realmId: number, names: string[]) {
    const wanted = new Set(names);
    return (await this.realmEmoji.listActive(realmId)).filter((e) => wanted.has(e.name));
  }

  /**
   * Zulip refuses a message whose author may not mention a group it mentions (the group's
   * `can_mention_group`); silent mentions (`@_*group*`) notify nobody and are always allowed.
   */
  async assertGroupMentionsAllowed(authorId: number, rendered: RenderedContent): Promise<void> {
    if (rendered.mentionedGroupIds.length === 0) return;
    const [refused] = await this.refs.groupsNotMentionableBy(rendered.mentionedGroupIds, authorId);
    if (refused) {
      throw ZulipError.badRequest(`You are not allowed to mention user group '${refused.name}'.`);
    }
  }
}
