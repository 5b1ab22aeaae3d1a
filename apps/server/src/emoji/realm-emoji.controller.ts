import { Controller, Get } from '@nestjs/common';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { RealmEmojiRepository } from './realm-emoji.repository';

/** Where an uploaded emoji image is served (Zulip's layout under /user_avatars). */
export function realmEmojiUrl(realmId: number, fileName: string): string {
  return `/user_avatars/${realmId}/emoji/images/${encodeURIComponent(fileName)}`;
}

@Controller('api/v1/realm/emoji')
export class RealmEmojiController {
  constructor(private readonly emoji: RealmEmojiRepository) {}

  @Get()
  async list(@CurrentUser() user: User) {
    const rows = await this.emoji.list(user.realm_id);
    const emoji = Object.fromEntries(
      rows.map((r) => [
        String(r.id),
        {
          id: String(r.id),
          name: r.name,
          source_url: realmEmojiUrl(r.realm_id, r.file_name),
          deactivated: r.deactivated,
          author_id: r.author_id,
        },
      ]),
    );
    return { emoji };
  }
}
