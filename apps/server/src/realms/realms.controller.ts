import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CurrentRealm, CurrentUser } from '../identity/identity.decorators';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import type { User } from '../identity/user.types';
import {
  AddRealmDomainDto,
  INVITE_POLICY_ADMINS,
  UpdateRealmDomainDto,
  UpdateRealmDto,
} from './dto/update-realm.dto';
import type { Realm } from '../identity/realm.types';
import { RealmChanges, RealmsService } from './realms.service';

/** A time limit in seconds: a positive integer, or `null` / "unlimited" for none. */
export function parseLimit(name: string, value: unknown): number | null {
  if (value === null || value === 'unlimited') return null;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw ZulipError.invalid(name, 'must be a positive number of seconds, null or "unlimited"');
}

@Controller('api/v1/realm')
export class RealmsController {
  constructor(private readonly realms: RealmsService) {}

  @Patch()
  async update(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(UpdateRealmDto) p: UpdateRealmDto,
  ) {
    const {
      invite_to_realm_policy,
      message_content_edit_limit_seconds,
      can_access_all_users_group,
      authentication_methods,
      ...plain
    } = p;
    const { message_content_delete_limit_seconds, ...settings } = plain;
    const changes: RealmChanges = { ...settings };
    if (invite_to_realm_policy !== undefined) {
      changes.invite_by_admin_only = invite_to_realm_policy === INVITE_POLICY_ADMINS;
    }
    if (message_content_edit_limit_seconds !== undefined) {
      changes.message_content_edit_limit_seconds = parseLimit(
        'message_content_edit_limit_seconds',
        message_content_edit_limit_seconds,
      );
    }
    if (message_content_delete_limit_seconds !== undefined) {
      changes.message_content_delete_limit_seconds = parseLimit(
        'message_content_delete_limit_seconds',
        message_content_delete_limit_seconds,
      );
    }
    // Owners only, checked before anything else changes.
    const methods =
      authentication_methods === undefined
        ? undefined
        : await this.realms.setAuthenticationMethods(user, realm, authentication_methods);
    const changed = await this.realms.updateSettings(
      user,
      realm,
      changes,
      can_access_all_users_group,
    );
    // The answer names the group setting by id, as the request did.
    const { can_access_all_users_group: accessGroup, ...answer } = changed;
    const reply: Record<string, unknown> = { ...answer };
    if (accessGroup !== undefined) reply.can_access_all_users_group = can_access_all_users_group;
    if (methods) reply.authentication_methods = methods;
    if (changed.invite_by_admin_only !== undefined) {
      reply.invite_to_realm_policy =
        invite_to_realm_policy ?? (changed.invite_by_admin_only ? 2 : 1);
    }
    return reply;
  }

  @Get('domains')
  async domains(@CurrentRealm() realm: Realm) {
    const domains = await this.realms.listDomains(realm);
    return {
      domains: domains.map((d) => ({ domain: d.domain, allow_subdomains: d.allow_subdomains })),
    };
  }

  @Post('domains')
  @HttpCode(200)
  async addDomain(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(AddRealmDomainDto) p: AddRealmDomainDto,
  ) {
    const added = await this.realms.addDomain(user, realm, p.domain, p.allow_subdomains ?? false);
    return { new_domain: [added.id, added.domain] };
  }

  @Patch('domains/:domain')
  async updateDomain(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('domain') domain: string,
    @Params(UpdateRealmDomainDto) p: UpdateRealmDomainDto,
  ) {
    await this.realms.setAllowSubdomains(user, realm, domain, p.allow_subdomains);
    return {};
  }

  @Delete('domains/:domain')
  async removeDomain(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('domain') domain: string,
  ) {
    await this.realms.removeDomain(user, realm, domain);
    return {};
  }
}
