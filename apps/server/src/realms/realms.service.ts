import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { ZulipError } from '../common/zulip-error';
import { requireAdmin, requireOwner } from '../identity/permissions';
import type { User } from '../identity/user.types';
import { emailDomainAllowed, normaliseDomain } from './email-domain';
import {
  USER_ACCESS_GROUPS,
  type EditableRealmSetting,
  type Realm,
  type RealmDomain,
  type UserAccessGroup,
} from '../identity/realm.types';
import { EventPublisher } from '../event-publisher/event-publisher';
import { RealmsRepository } from '../identity/realms.repository';
import { SystemGroupsService } from '../user-groups/system-groups.service';
import { StreamsService } from '../streams/streams.service';
import { realmAuthMethods, realmAuthMethodStates, updatedAuthMethods } from './auth-methods';

const SUBDOMAIN = /^([a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?)?$/;

/** The realm's string id for a requested subdomain, or a clear 400 when it cannot be one. */
export function normalizeSubdomain(subdomain: string): string {
  const stringId = subdomain.toLowerCase();
  if (!SUBDOMAIN.test(stringId)) {
    throw ZulipError.badRequest('Subdomains may use only letters, digits and inner hyphens.');
  }
  return stringId;
}

type RealmSettingValue = string | boolean | number | null;

export type RealmChanges = Partial<Pick<Realm, EditableRealmSetting>>;

@Injectable()
export class RealmsService {
  constructor(
    private readonly realms: RealmsRepository,
    private readonly db: Database,
    private readonly events: EventPublisher,
    private readonly streams: StreamsService,
    private readonly systemGroups: SystemGroupsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates a realm with Zulip's starting stream, `general`, as its default stream. */
  async createRealm(subdomain: string, name: string, description = ''): Promise<Realm> {
    const stringId = normalizeSubdomain(subdomain);
    if (!name.trim()) throw ZulipError.badRequest('The organization needs a name.');
    return this.db.transaction(async () => {
      if (await this.realms.findBySubdomain(stringId)) {
        throw ZulipError.badRequest(`Subdomain "${stringId}" is already in use.`);
      }
      const realm = await this.realms.create({
        string_id: stringId,
        name: name.trim(),
        description,
      });
      await this.systemGroups.createForRealm(realm.id);
      await this.streams.createStartingStream(
        realm.id,
        'general',
        'Everyone is added to this channel by default.',
      );
      return realm;
    });
  }

  /**
   * `PATCH /realm`: admins change settings; returns only the settings whose value changed.
   * `userAccessGroupId` is `can_access_all_users_group` as the API names it, a role group's id.
   */
  async updateSettings(
    actor: User,
    realm: Realm,
    changes: RealmChanges,
    userAccessGroupId?: number,
  ): Promise<RealmChanges> {
    requireAdmin(actor);
    if (userAccessGroupId !== undefined) {
      changes.can_access_all_users_group = await this.userAccessGroup(realm, userAccessGroupId);
    }
    if (changes.name !== undefined) {
      changes.name = changes.name.trim();
      if (!changes.name) throw ZulipError.invalid('name', 'the organization needs a name');
    }
    const changed: RealmChanges = {};
    for (const [key, value] of Object.entries(changes) as [EditableRealmSetting, unknown][]) {
      if (value !== undefined && realm[key] !== value) Object.assign(changed, { [key]: value });
    }
    // Zulip sends one `realm` update event per changed setting; clients get them together.
    await this.db.transaction(async () => {
      await this.realms.update(realm.id, changed);
      for (const [property, value] of Object.entries(changed) as [string, RealmSettingValue][]) {
        if (property === 'can_access_all_users_group') continue;
        await this.events.toRealm(realm.id, { type: 'realm', op: 'update', property, value });
      }
      // Group settings travel as their group's id, in Zulip's `update_dict` form.
      if (changed.can_access_all_users_group !== undefined && userAccessGroupId !== undefined) {
        await this.events.toRealm(realm.id, {
          type: 'realm',
          op: 'update_dict',
          property: 'default',
          data: { can_access_all_users_group: userAccessGroupId },
        });
      }
    });
    return changed;
  }

  /** The role group `id` names, if it is one `can_access_all_users_group` may take. */
  private async userAccessGroup(realm: Realm, id: number): Promise<UserAccessGroup> {
    const name = await this.systemGroups.nameOf(realm.id, id);
    const allowed = USER_ACCESS_GROUPS.find((g) => g === name);
    if (!allowed) {
      throw ZulipError.invalid(
        'can_access_all_users_group',
        "must be the id of the realm's role:everyone or role:members group",
      );
    }
    return allowed;
  }

  /** The id of the group `can_access_all_users_group` names, for the API. */
  userAccessGroupId(realm: Realm): Promise<number> {
    return this.systemGroups.idOf(realm.id, realm.can_access_all_users_group);
  }

  /**
   * `PATCH /realm` `authentication_methods`: owners turn the server's login methods on or off for
   * their organization; the realm's clients hear it as Zulip's `update_dict` event.
   */
  async setAuthenticationMethods(
    actor: User,
    realm: Realm,
    requested: unknown,
  ): Promise<Record<string, boolean>> {
    requireOwner(actor);
    const stored = updatedAuthMethods(realm, this.config, requested);
    return this.db.transaction(async () => {
      const updated = await this.realms.update(realm.id, { authentication_methods: stored });
      await this.events.toRealm(realm.id, {
        type: 'realm',
        op: 'update_dict',
        property: 'default',
        data: { authentication_methods: realmAuthMethodStates(updated, this.config) },
      });
      return realmAuthMethods(updated, this.config);
    });
  }

  listDomains(realm: Realm): Promise<RealmDomain[]> {
    return this.realms.domains(realm.id);
  }

  async addDomain(
    actor: User,
    realm: Realm,
    rawDomain: string,
    allowSubdomains: boolean,
  ): Promise<RealmDomain> {
    requireOwner(actor);
    const domain = this.validDomain(rawDomain);
    return this.db.transaction(async () => {
      const existing = await this.realms.domains(realm.id);
      if (existing.some((d) => d.domain === domain)) {
        throw ZulipError.badRequest(`The domain ${domain} is already a part of your organization.`);
      }
      const added = await this.realms.addDomain(realm.id, domain, allowSubdomains);
      await this.events.toRealm(realm.id, {
        type: 'realm_domains',
        op: 'add',
        realm_domain: { domain: added.domain, allow_subdomains: added.allow_subdomains },
      });
      return added;
    });
  }

  async setAllowSubdomains(
    actor: User,
    realm: Realm,
    domain: string,
    allowSubdomains: boolean,
  ): Promise<void> {
    requireOwner(actor);
    await this.db.transaction(async () => {
      if (!(await this.realms.setAllowSubdomains(realm.id, domain, allowSubdomains))) {
        throw ZulipError.notFound(`No entry found for domain ${domain}.`);
      }
      await this.events.toRealm(realm.id, {
        type: 'realm_domains',
        op: 'change',
        realm_domain: { domain: domain.toLowerCase(), allow_subdomains: allowSubdomains },
      });
    });
  }

  async removeDomain(actor: User, realm: Realm, domain: string): Promise<void> {
    requireOwner(actor);
    await this.db.transaction(async () => {
      if (!(await this.realms.removeDomain(realm.id, domain))) {
        throw ZulipError.notFound(`No entry found for domain ${domain}.`);
      }
      await this.events.toRealm(realm.id, {
        type: 'realm_domains',
        op: 'remove',
        domain: domain.toLowerCase(),
      });
    });
  }

  /** Refuses an address outside the realm's domains when the realm restricts sign-ups to them. */
  async assertEmailAllowed(realm: Realm, email: string): Promise<void> {
    if (!realm.restricted_to_domain) return;
    const domains = await this.realms.domains(realm.id);
    if (emailDomainAllowed(email, domains)) return;
    const allowed = domains.map((d) => (d.allow_subdomains ? `*.${d.domain}` : d.domain));
    throw new ZulipError(
      'BAD_REQUEST',
      `The email address ${email} is not in a domain allowed in this organization` +
        (allowed.length ? ` (allowed: ${allowed.join(', ')}).` : '.'),
      400,
      { var_name: 'email' },
    );
  }

  private validDomain(raw: string): string {
    const result = normaliseDomain(raw);
    if ('error' in result) throw ZulipError.badRequest(result.error, { var_name: 'domain' });
    return result.domain;
  }
}
