import { Injectable } from '@nestjs/common';
import type { RealmPlayground } from '@hub/api/playground.types';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { requireAdmin } from '../identity/permissions';
import type { User } from '../identity/user.types';
import { checkPlayground } from './playground-rules';
import { PlaygroundsRepository } from './playgrounds.repository';

/** A realm's code playgrounds: administrators add and remove them; the realm hears of it. */
@Injectable()
export class PlaygroundsService {
  constructor(
    private readonly repo: PlaygroundsRepository,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  list(realmId: number): Promise<RealmPlayground[]> {
    return this.repo.list(realmId);
  }

  async create(
    actor: User,
    input: { name: string; pygments_language: string; url_template: string },
  ): Promise<number> {
    requireAdmin(actor);
    const playground = checkPlayground(input);
    return this.db.transaction(async () => {
      const id = await this.repo.create(actor.realm_id, playground);
      if (id === undefined) {
        throw ZulipError.badRequest(
          'Realm playground with this Realm, Pygments language and Name already exists.',
        );
      }
      await this.announce(actor.realm_id);
      return id;
    });
  }

  async remove(actor: User, id: number): Promise<void> {
    requireAdmin(actor);
    await this.db.transaction(async () => {
      if (!(await this.repo.delete(actor.realm_id, id))) {
        throw ZulipError.badRequest('Invalid playground');
      }
      await this.announce(actor.realm_id);
    });
  }

  private async announce(realmId: number): Promise<void> {
    await this.events.toRealm(realmId, {
      type: 'realm_playgrounds',
      realm_playgrounds: await this.repo.list(realmId),
    });
  }
}
