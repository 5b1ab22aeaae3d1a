import { Injectable } from '@nestjs/common';
import type { Draft } from '@hub/api/draft.types';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { UsersRepository } from '../identity/users.repository';
import type { User } from '../identity/user.types';
import { StreamsService } from '../streams/streams.service';
import { toApiDraft } from './draft-format';
import { DraftInput, parseDraft } from './draft-rules';
import { DraftsRepository } from './drafts.repository';

/** A user's drafts: addressed only to streams and users they may write to; announced to them. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly streams: StreamsService,
    private readonly users: UsersRepository,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  async list(user: User): Promise<Draft[]> {
    return (await this.drafts.list(user.id)).map(toApiDraft);
  }

  async create(user: User, raw: unknown[]): Promise<number[]> {
    const drafts = raw.map((d, i) => parseDraft(d, `drafts[${i}]`));
    await this.checkAddressees(user, drafts);
    if (drafts.length === 0) return [];
    return this.db.transaction(async () => {
      const rows = await this.drafts.create(user.id, drafts);
      await this.events.toUsers([user.id], {
        type: 'drafts',
        op: 'add',
        drafts: rows.map(toApiDraft),
      });
      return rows.map((r) => r.id);
    });
  }

  async update(user: User, id: number, raw: unknown): Promise<void> {
    const draft = parseDraft(raw, 'draft');
    await this.checkAddressees(user, [draft]);
    await this.db.transaction(async () => {
      const row = await this.drafts.update(user.id, id, draft);
      if (!row) throw notFound();
      await this.events.toUsers([user.id], {
        type: 'drafts',
        op: 'update',
        draft: toApiDraft(row),
      });
    });
  }

  async remove(user: User, id: number): Promise<void> {
    await this.db.transaction(async () => {
      if (!(await this.drafts.delete(user.id, id))) throw notFound();
      await this.events.toUsers([user.id], { type: 'drafts', op: 'remove', draft_id: id });
    });
  }

  /** Streams must be ones the user can see, users must be in the realm. */
  private async checkAddressees(user: User, drafts: DraftInput[]): Promise<void> {
    const streamIds = [
      ...new Set(drafts.flatMap((d) => (d.streamId === null ? [] : [d.streamId]))),
    ];
    for (const streamId of streamIds) await this.streams.getStreamForUser(user, streamId);
    const userIds = [...new Set(drafts.flatMap((d) => d.userIds))];
    if (userIds.length === 0) return;
    const found = new Set(
      (await this.users.findManyByIds(user.realm_id, userIds)).map((u) => u.id),
    );
    const missing = userIds.find((id) => !found.has(id));
    if (missing !== undefined) throw ZulipError.badRequest(`Invalid user ID ${missing}`);
  }
}

function notFound(): ZulipError {
  return ZulipError.notFound('Draft does not exist');
}
