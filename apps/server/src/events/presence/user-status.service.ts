import { Injectable } from '@nestjs/common';
import type { UserStatus, UserStatusEvent } from '@hub/api/event.types';
import { ZulipError } from '../../common/zulip-error';
import { Database } from '../../database/database.service';
import { EventPublisher } from '../../event-publisher/event-publisher';
import type { Realm } from '../../identity/realm.types';
import type { User } from '../../identity/user.types';
import { ReactionsService } from '../../messages/reactions.service';
import { UsersService } from '../../users/users.service';
import { UserStatusChanges, UserStatusRepository, UserStatusRow } from './user-status.repository';

/** Zulip's limit on a status text. */
export const MAX_STATUS_TEXT_LENGTH = 60;

export interface UserStatusInput {
  statusText?: string;
  away?: boolean;
  emojiName?: string;
  emojiCode?: string;
  reactionType?: string;
}

/** Zulip's shape: only what is set (`away` only when true), so an empty status is `{}`. */
export function formatUserStatus(row: UserStatusRow | undefined): UserStatus {
  const status: UserStatus = {};
  if (!row) return status;
  if (row.away) status.away = true;
  if (row.status_text) status.status_text = row.status_text;
  if (row.emoji_name) {
    status.emoji_name = row.emoji_name;
    status.emoji_code = row.emoji_code;
    status.reaction_type = row.reaction_type;
  }
  return status;
}

/** `POST /users/me/status` and the `user_status` the realm hears and `/register` reports. */
@Injectable()
export class UserStatusService {
  constructor(
    private readonly db: Database,
    private readonly repo: UserStatusRepository,
    private readonly reactions: ReactionsService,
    private readonly users: UsersService,
    private readonly events: EventPublisher,
  ) {}

  async update(user: User, realm: Realm, input: UserStatusInput): Promise<void> {
    const statusText = input.statusText?.trim();
    if (input.away === undefined && statusText === undefined && input.emojiName === undefined) {
      throw ZulipError.badRequest('Client did not pass any new values.');
    }
    if (statusText !== undefined && statusText.length > MAX_STATUS_TEXT_LENGTH) {
      throw ZulipError.badRequest(
        `status_text is too long (limit: ${MAX_STATUS_TEXT_LENGTH} characters)`,
      );
    }
    const changes: UserStatusChanges = { status_text: statusText, away: input.away };
    if (input.emojiName === '') {
      Object.assign(changes, { emoji_name: '', emoji_code: '', reaction_type: 'unicode_emoji' });
    } else if (input.emojiName !== undefined) {
      const emoji = await this.reactions.resolveEmoji(
        realm,
        input.emojiName,
        input.emojiCode,
        input.reactionType,
      );
      Object.assign(changes, {
        emoji_name: emoji.name,
        emoji_code: emoji.code,
        reaction_type: emoji.type,
      });
    } else if (input.emojiCode !== undefined || input.reactionType !== undefined) {
      throw ZulipError.badRequest(
        'Client must pass emoji_name if they pass either emoji_code or reaction_type.',
      );
    }
    const event: UserStatusEvent = { type: 'user_status', user_id: user.id };
    if (changes.away !== undefined) event.away = changes.away;
    if (changes.status_text !== undefined) event.status_text = changes.status_text;
    if (changes.emoji_name !== undefined) {
      event.emoji_name = changes.emoji_name;
      event.emoji_code = changes.emoji_code;
      event.reaction_type = changes.reaction_type;
    }
    await this.db.transaction(async () => {
      await this.repo.save(user.id, changes);
      await this.events.toRealmSeeing(user.realm_id, user.id, event);
    });
  }

  /** `GET /users/{user_id}/status`: another user's status, in Zulip's shape. */
  async statusOf(viewer: User, realm: Realm, userId: string): Promise<UserStatus> {
    const target = await this.users.findVisible(viewer, realm, userId);
    return formatUserStatus(await this.repo.find(target.id));
  }

  /** The realm's statuses for `/register`, keyed by user id; users without one are left out. */
  async realmStatuses(viewer: User, realm: Realm): Promise<Record<string, UserStatus>> {
    const [rows, visible] = await Promise.all([
      this.repo.realmStatuses(realm.id),
      this.users.visibleUserIds(viewer, realm),
    ]);
    return Object.fromEntries(
      rows
        .filter((row) => !visible || visible.has(row.user_id))
        .map((row) => [String(row.user_id), formatUserStatus(row)]),
    );
  }
}
