import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { RateLimiter } from '../common/rate-limiter';
import { generateApiKey } from '../identity/api-key';
import { verifyPassword } from '../identity/passwords';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { PasswordPolicy } from '../identity/password-policy';
import { PushDevicesService } from '../push-devices/push-devices.service';
import { RealmsService } from '../realms/realms.service';
import { SubscriptionsService } from '../streams/subscriptions.service';
import type { Realm } from '../identity/realm.types';
import type { User as ApiUser } from '@hub/api/user.types';
import { presentUser } from '../identity/user-presenter';
import { noSuchUser, requireAdmin, requireOwner } from '../identity/permissions';
import { NewUser, UsersRepository } from '../identity/users.repository';
import { isAdmin, isOwner, ListedUser, Role, User } from '../identity/user.types';
import { SessionsService } from '../sessions/sessions.service';
import { SystemGroupsService } from '../user-groups/system-groups.service';
import { UserSettingsDefaultsService } from '../user-settings-defaults/user-settings-defaults.service';
import {
  checkSettings,
  LEGACY_NOTIFICATION_SETTINGS,
  SettingValue,
} from '../user-settings-defaults/user-settings-defaults';

export type Permission = 'administer' | 'api_super_user';

export interface SettingsChanges {
  fullName?: string;
  oldPassword?: string;
  newPassword?: string;
  timezone?: string;
  sendReadReceipts?: boolean;
  allowPrivateDataExport?: boolean;
  twentyFourHourTime?: boolean;
  colorScheme?: number;
  /** Notification settings by Zulip name (NOTIFICATION_SETTINGS), checked here. */
  notifications?: Record<string, unknown>;
}

/** Whether the runtime knows an IANA time zone name ('' means "not set", as in Zulip). */
export function isKnownTimezone(name: string): boolean {
  if (name === '') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

export interface CreateUserInput {
  email: string;
  fullName: string;
  password?: string | null;
  role?: Role;
  /** Skip the zxcvbn check, for passwords the server generated itself. */
  trustedPassword?: boolean;
  /** Subscribe to the realm's default streams (true unless an invitation link says otherwise). */
  defaultStreams?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordPolicy,
    private readonly db: Database,
    private readonly realms: RealmsService,
    private readonly events: EventPublisher,
    private readonly subscriptions: SubscriptionsService,
    private readonly sessions: SessionsService,
    private readonly settingsDefaults: UserSettingsDefaultsService,
    private readonly systemGroups: SystemGroupsService,
    private readonly limiter: RateLimiter,
    private readonly pushDevices: PushDevicesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  validateEmail(email: string): string {
    const trimmed = email.trim();
    if (!EMAIL.test(trimmed) || trimmed.length > 254) {
      throw new ZulipError('BAD_REQUEST', `Invalid email '${email}'`, 400, { var_name: 'email' });
    }
    return trimmed;
  }

  validateFullName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed) throw new ZulipError('BAD_REQUEST', 'Name too short!', 400);
    if (trimmed.length > 100) throw new ZulipError('BAD_REQUEST', 'Name too long!', 400);
    if (/[\u0000-\u001f*`\\>"@]/.test(trimmed) && /[\u0000-\u001f]/.test(trimmed)) {
      throw new ZulipError('BAD_REQUEST', 'Invalid characters in name!', 400);
    }
    return trimmed;
  }

  /** Creates a human account and subscribes it to the realm's default streams. */
  async createUser(realm: Realm, input: CreateUserInput): Promise<User> {
    const email = this.validateEmail(input.email);
    const fullName = this.validateFullName(input.fullName);
    let passwordHash: string | null = null;
    if (input.password) {
      passwordHash = await this.passwords.hashNewPassword(
        input.password,
        input.trustedPassword ? undefined : [email, fullName],
        input.trustedPassword,
      );
    }
    return this.insertWithDefaults(
      {
        realm_id: realm.id,
        email,
        full_name: fullName,
        role: input.role ?? Role.Member,
        password_hash: passwordHash,
      },
      { defaultStreams: input.defaultStreams },
    );
  }

  /** Inserts a user (human, bot or mirror dummy) and subscribes humans to the default streams. */
  async insertWithDefaults(
    user: NewUser,
    options: { defaultStreams?: boolean } = {},
  ): Promise<User> {
    const created = await this.insertUser(user, options);
    await this.announceNewUser(created);
    return created;
  }

  /**
   * `insertWithDefaults` without the event, for callers that insert inside a larger transaction:
   * they call `announceNewUser` once it has committed.
   */
  insertUser(user: NewUser, options: { defaultStreams?: boolean } = {}): Promise<User> {
    return this.db.transaction(async () => {
      if (await this.users.findByEmail(user.realm_id, user.email)) {
        throw new ZulipError('BAD_REQUEST', `Email '${user.email}' already in use`, 400);
      }
      const created = await this.users.create(user);
      await this.systemGroups.followRole(created, { quiet: true });
      if (!created.is_bot && options.defaultStreams !== false)
        await this.subscriptions.subscribeToDefaultStreams(created.id, created.realm_id);
      return created;
    });
  }

  /** `realm_user` add; administrators see the delivery email, everyone else gets null. */
  async announceNewUser(created: User): Promise<void> {
    await this.events.toRealmSplit(
      created.realm_id,
      { type: 'realm_user', op: 'add', person: presentAs(created, Role.Administrator) },
      { type: 'realm_user', op: 'add', person: presentAs(created, Role.Member) },
      created.id,
    );
    await this.systemGroups.announceNewMember(created);
  }

  /** A `realm_user` update with only the changed fields, to everyone who may see the user. */
  private async publishUpdate(user: User, fields: Record<string, unknown>): Promise<void> {
    if (Object.keys(fields).length === 0) return;
    await this.events.toRealmSeeing(user.realm_id, user.id, {
      type: 'realm_user',
      op: 'update',
      person: { user_id: user.id, ...fields },
    });
  }

  /** A user of the realm by id or by email (`GET /users/{email_or_id}`), or "No such user". */
  async findInRealm(realm: Realm, idOrEmail: string | number): Promise<User> {
    const text = String(idOrEmail);
    const user = /^\d+$/.test(text)
      ? await this.users.findInRealm(realm.id, Number(text))
      : await this.users.findByEmail(realm.id, text);
    if (!user) throw noSuchUser();
    return user;
  }

  /**
   * The ids of the users `viewer` may see, or null for all of them. Guests see everyone unless
   * the realm's `can_access_all_users_group` is role:members; then they see only the users they
   * share a stream or a conversation with (and bots).
   */
  async visibleUserIds(viewer: User, realm: Realm): Promise<Set<number> | null> {
    if (viewer.role !== Role.Guest || realm.can_access_all_users_group === 'role:everyone') {
      return null;
    }
    return new Set(await this.users.sharingWith(realm.id, viewer.id));
  }

  /** `findInRealm` for `viewer`: a user they may not see is refused as Zulip refuses it. */
  async findVisible(viewer: User, realm: Realm, idOrEmail: string | number): Promise<User> {
    const target = await this.findInRealm(realm, idOrEmail);
    const visible = await this.visibleUserIds(viewer, realm);
    if (visible && !visible.has(target.id)) throw ZulipError.badRequest('Insufficient permission');
    return target;
  }

  /** `GET /users`: the realm's users, as far as `viewer` may see them. */
  async listVisible(viewer: User, realm: Realm): Promise<ListedUser[]> {
    const [users, visible] = await Promise.all([
      this.users.listInRealm(realm.id, { includeInactive: true }),
      this.visibleUserIds(viewer, realm),
    ]);
    return visible ? users.filter((u) => visible.has(u.id)) : users;
  }

  /** `POST /users`: an administrator creates an account; domain rules apply, invites do not. */
  async createByAdmin(
    actor: User,
    realm: Realm,
    input: { email: string; fullName: string; password: string },
  ): Promise<User> {
    requireAdmin(actor);
    const email = this.validateEmail(input.email);
    await this.realms.assertEmailAllowed(realm, email);
    return this.createUser(realm, { ...input, email, role: Role.Member });
  }

  /** `PATCH /users/{id}`: administrators rename users and change roles; owners guard ownership. */
  async updateByAdmin(
    actor: User,
    target: User,
    changes: { fullName?: string; role?: Role },
  ): Promise<User> {
    requireAdmin(actor);
    const update: Partial<Pick<User, 'full_name' | 'role'>> = {};
    if (changes.fullName !== undefined) update.full_name = this.validateFullName(changes.fullName);
    if (changes.role !== undefined && changes.role !== target.role) {
      if (changes.role === Role.Owner || isOwner(target)) requireOwner(actor);
      if (target.is_bot && changes.role === Role.Owner) {
        throw ZulipError.badRequest('Bots cannot be organization owners.');
      }
      update.role = changes.role;
    }
    const updated = await this.db.transaction(async () => {
      if (update.role !== undefined && isOwner(target)) await this.assertNotLastOwner(target);
      const changed = await this.users.update(target.id, update);
      if (update.role !== undefined) await this.systemGroups.followRole(changed);
      return changed;
    });
    await this.publishUpdate(updated, update);
    return updated;
  }

  /** `DELETE /users/me`: one's own account; the only owner may not leave the realm ownerless. */
  async deactivateSelf(me: User): Promise<void> {
    if (isOwner(me) && (await this.users.countActiveOwners(me.realm_id)) <= 1) {
      throw new ZulipError(
        'CANNOT_DEACTIVATE_LAST_USER',
        'Cannot deactivate the only organization owner.',
        400,
        { is_last_owner: true, entity: 'organization owner' },
      );
    }
    await this.deactivate(null, me);
  }

  /**
   * `DELETE /users/{id}`: deactivates the user and every bot they own; their keys stop working,
   * and their phones stop getting notifications (devices forgotten, unregistered at the bouncer).
   */
  async deactivate(actor: User | null, target: User): Promise<void> {
    if (actor) requireAdmin(actor);
    if (actor && isOwner(target)) requireOwner(actor);
    const bots = await this.db.transaction(async () => {
      if (!target.is_active) throw ZulipError.badRequest('User is already deactivated');
      if (isOwner(target) && !target.is_bot) await this.assertNotLastOwner(target);
      await this.users.update(target.id, { is_active: false });
      await this.sessions.endAllFor(target.id);
      await this.pushDevices.forgetAllOf(target.id);
      return this.users.deactivateBotsOwnedBy(target.id);
    });
    // Zulip (feature level 222+) announces deactivation as an update, not a removal.
    await this.publishUpdate(target, { is_active: false });
    // The realm's audience is its active users, so the person's own open clients (whose
    // sessions just ended) are told directly, and sign out.
    await this.events.toUsers([target.id], {
      type: 'realm_user',
      op: 'update',
      person: { user_id: target.id, is_active: false },
    });
    for (const bot of bots) {
      await this.publishUpdate(bot, { is_active: false });
      await this.events.toAdminsAnd(bot.realm_id, [], {
        type: 'realm_bot',
        op: 'remove',
        bot: { user_id: bot.id, full_name: bot.full_name },
      });
    }
  }

  /** `POST /users/{id}/reactivate`. Bots the user owned stay deactivated until reactivated. */
  async reactivate(actor: User | null, target: User): Promise<User> {
    if (actor) requireAdmin(actor);
    if (target.is_active) throw ZulipError.badRequest('User is already active');
    if (target.is_bot && target.bot_owner_id !== null) {
      const owner = await this.users.findById(target.bot_owner_id);
      if (owner && !owner.is_active) {
        throw ZulipError.badRequest("This bot's owner is deactivated; reactivate the owner first.");
      }
    }
    const updated = await this.users.update(target.id, { is_active: true });
    await this.publishUpdate(updated, { is_active: true });
    return updated;
  }

  /** `manage change-user-email`: the login and delivery address; unique within the realm. */
  async changeEmail(target: User, newEmail: string): Promise<User> {
    const email = this.validateEmail(newEmail);
    const updated = await this.db.transaction(async () => {
      const holder = await this.users.findByEmail(target.realm_id, email);
      if (holder && holder.id !== target.id) {
        throw new ZulipError('BAD_REQUEST', `Email '${email}' already in use`, 400);
      }
      return this.users.update(target.id, { email, delivery_email: email });
    });
    await this.publishUpdate(updated, { new_email: email });
    return updated;
  }

  /** Replaces the API key; the old one answers 401 from now on. */
  async regenerateApiKey(user: User): Promise<string> {
    const updated = await this.users.update(user.id, { api_key: generateApiKey() });
    return updated.api_key;
  }

  /**
   * `PATCH /settings`: the user's own name, password (old one required), time zone and whether
   * they send read receipts. A new password ends the user's other web sessions (the one making
   * the change, if any, stays).
   */
  async updateOwnSettings(
    user: User,
    changes: SettingsChanges,
    keepSessionHash?: string,
  ): Promise<Record<string, string | boolean | number>> {
    const update: Partial<
      Pick<
        User,
        | 'full_name'
        | 'password_hash'
        | 'timezone'
        | 'twenty_four_hour_time'
        | 'color_scheme'
        | 'send_read_receipts'
        | 'allow_private_data_export'
      >
    > = {};
    const reply: Record<string, string | boolean | number> = {};
    if (changes.fullName !== undefined && changes.fullName.trim() !== user.full_name) {
      update.full_name = this.validateFullName(changes.fullName);
      reply.full_name = update.full_name;
    }
    if (changes.newPassword !== undefined || changes.oldPassword !== undefined) {
      if (!changes.newPassword || !changes.oldPassword) {
        throw ZulipError.badRequest('Please fill out all fields: old_password and new_password.');
      }
      // Guesses of the old password count with sign-in attempts for the same account.
      const key = `auth-email:${user.realm_id}:${user.delivery_email.toLowerCase()}`;
      const limit = await this.limiter.hit(key, this.config.authRateLimitPerMinute, 60);
      if (!limit.allowed) throw ZulipError.rateLimited(limit.resetIn);
      if (!(await verifyPassword(changes.oldPassword, user.password_hash))) {
        throw new ZulipError('BAD_REQUEST', 'Wrong password!', 400, { var_name: 'old_password' });
      }
      await this.limiter.reset(key);
      update.password_hash = await this.passwords.hashNewPassword(changes.newPassword, [
        user.delivery_email,
        user.full_name,
      ]);
    }
    if (changes.timezone !== undefined) {
      if (!isKnownTimezone(changes.timezone)) {
        throw ZulipError.invalid('timezone', `unknown time zone "${changes.timezone}"`);
      }
      update.timezone = changes.timezone;
    }
    const personal: Array<
      [
        (
          | 'twenty_four_hour_time'
          | 'color_scheme'
          | 'send_read_receipts'
          | 'allow_private_data_export'
        ),
        boolean | number,
      ]
    > = [];
    if (
      changes.twentyFourHourTime !== undefined &&
      changes.twentyFourHourTime !== user.twenty_four_hour_time
    ) {
      update.twenty_four_hour_time = changes.twentyFourHourTime;
      personal.push(['twenty_four_hour_time', changes.twentyFourHourTime]);
    }
    if (changes.colorScheme !== undefined && changes.colorScheme !== user.color_scheme) {
      update.color_scheme = changes.colorScheme;
      personal.push(['color_scheme', changes.colorScheme]);
    }
    if (
      changes.sendReadReceipts !== undefined &&
      changes.sendReadReceipts !== user.send_read_receipts
    ) {
      update.send_read_receipts = changes.sendReadReceipts;
      personal.push(['send_read_receipts', changes.sendReadReceipts]);
    }
    if (
      changes.allowPrivateDataExport !== undefined &&
      changes.allowPrivateDataExport !== user.allow_private_data_export
    ) {
      update.allow_private_data_export = changes.allowPrivateDataExport;
      personal.push(['allow_private_data_export', changes.allowPrivateDataExport]);
    }
    for (const [property, value] of personal) {
      if (property !== 'send_read_receipts' && property !== 'allow_private_data_export') {
        reply[property] = value;
      }
    }
    const notifications = checkSettings(changes.notifications ?? {});
    const current =
      Object.keys(notifications).length > 0 ? await this.settingsDefaults.forUser(user) : {};
    const changedNotifications = Object.entries(notifications).filter(
      ([name, value]) => current[name] !== value,
    );
    await this.db.transaction(async () => {
      await this.users.update(user.id, update);
      // Stored even when equal to the realm's default, so the choice outlives a default change.
      await this.users.mergeSettings(user.id, notifications);
      for (const [property, value] of changedNotifications) {
        await this.announceOwnSetting(user, property, value);
      }
      if (update.password_hash) await this.sessions.endAllFor(user.id, keepSessionHash);
      // Personal settings: only the user's own clients hear of them (Zulip's `user_settings`
      // event, one per setting).
      for (const [property, value] of personal) {
        await this.events.toUsers([user.id], {
          type: 'user_settings',
          op: 'update',
          property,
          value,
        });
      }
    });
    await this.publishUpdate(user, {
      ...(update.full_name !== undefined ? { full_name: update.full_name } : {}),
      ...(update.timezone !== undefined ? { timezone: update.timezone } : {}),
    });
    return reply;
  }

  /** A notification setting changed: `user_settings`, plus the legacy event old clients read. */
  private async announceOwnSetting(user: User, property: string, value: SettingValue) {
    await this.events.toUsers([user.id], { type: 'user_settings', op: 'update', property, value });
    if (LEGACY_NOTIFICATION_SETTINGS.has(property)) {
      await this.events.toUsers([user.id], {
        type: 'update_global_notifications',
        user: user.email,
        notification_name: property,
        setting: value,
      });
    }
  }

  /**
   * Grants or revokes a permission (`manage knight`). `actor` null is the command line; otherwise
   * only owners and administrators may change permissions.
   */
  async setPermission(
    actor: User | null,
    target: User,
    permission: Permission,
    grant: boolean,
  ): Promise<User> {
    const updated = await this.db.transaction(async () => {
      const changed = await this.applyPermission(actor, target, permission, grant);
      if (changed.role !== target.role) await this.systemGroups.followRole(changed);
      return changed;
    });
    if (updated.role !== target.role) await this.publishUpdate(updated, { role: updated.role });
    return updated;
  }

  private async applyPermission(
    actor: User | null,
    target: User,
    permission: Permission,
    grant: boolean,
  ): Promise<User> {
    if (actor && !isAdmin(actor)) {
      throw ZulipError.forbidden('Only organization owners and administrators can do this.');
    }
    if (actor && actor.realm_id !== target.realm_id) throw noSuchUser();
    if (permission === 'api_super_user') {
      return this.users.update(target.id, { is_api_super_user: grant });
    }
    if (grant) {
      return isAdmin(target) ? target : this.users.update(target.id, { role: Role.Administrator });
    }
    if (!isAdmin(target)) return target;
    if (isOwner(target)) {
      if (actor) requireOwner(actor);
      return this.db.transaction(async () => {
        await this.assertNotLastOwner(target);
        return this.users.update(target.id, { role: Role.Member });
      });
    }
    return this.users.update(target.id, { role: Role.Member });
  }

  private async assertNotLastOwner(owner: User): Promise<void> {
    if ((await this.users.countActiveOwners(owner.realm_id)) <= 1) {
      throw new ZulipError(
        'CANNOT_DEACTIVATE_LAST_USER',
        'Cannot deactivate or demote the only organization owner',
        400,
        { is_last_owner: true, entity: owner.full_name },
      );
    }
  }
}

/** The user as a viewer of `role` sees them in a `realm_user` event. */
function presentAs(user: User, role: Role): ApiUser {
  return presentUser(user, { viewer: { id: 0, role } });
}
