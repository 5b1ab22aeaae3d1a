import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { requireAdmin } from '../identity/permissions';
import type { User } from '../identity/user.types';
import {
  checkSettings,
  effectiveDefaults,
  SettingValue,
  withPersonal,
} from './user-settings-defaults';
import { UserSettingsDefaultsRepository } from './user-settings-defaults.repository';

/** The settings a realm gives new users: administrators change them; the realm hears of it. */
@Injectable()
export class UserSettingsDefaultsService {
  constructor(
    private readonly repo: UserSettingsDefaultsRepository,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  async get(realmId: number): Promise<Record<string, SettingValue>> {
    return effectiveDefaults(await this.repo.get(realmId));
  }

  /** The user's effective settings of the catalogue: their own choices over the realm's. */
  async forUser(user: Pick<User, 'realm_id' | 'settings'>): Promise<Record<string, SettingValue>> {
    return withPersonal(await this.get(user.realm_id), user.settings);
  }

  async update(actor: User, given: Record<string, unknown>): Promise<void> {
    requireAdmin(actor);
    const changes = checkSettings(given);
    if (Object.keys(changes).length === 0) return;
    await this.db.transaction(async () => {
      const before = effectiveDefaults(await this.repo.merge(actor.realm_id, changes));
      for (const [property, value] of Object.entries(changes)) {
        if (before[property] === value) continue;
        await this.events.toRealm(actor.realm_id, {
          type: 'realm_user_settings_defaults',
          op: 'update',
          property,
          value,
        });
      }
    });
  }
}
