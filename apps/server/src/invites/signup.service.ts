import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { RateLimiter } from '../common/rate-limiter';
import { APP_CONFIG } from '../config/config.module';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { MailService } from '../mail/mail.service';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { Realm } from '../identity/realm.types';
import { RealmsService } from '../realms/realms.service';
import { Role, User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { UsersService } from '../users/users.service';
import { generateConfirmationKey, looksLikeConfirmationKey } from '../identity/confirmation-key';
import type { Confirmation, MultiuseInvite } from './invite.types';
import { InvitesRepository } from './invites.repository';

export const SIGNUP_LINK_HOURS = 24;

/** The e-mail → confirmation link → name and password sign-up flow. */
@Injectable()
export class SignupService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly realms: RealmsService,
    private readonly resolver: RealmResolver,
    private readonly mail: MailService,
    private readonly db: Database,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the realm's rules for `email` and mails a confirmation link. Limited per client address
   * like password attempts, so the endpoint cannot be used to flood someone's mailbox.
   */
  async start(realm: Realm, rawEmail: string, ip: string): Promise<void> {
    const limit = await this.limiter.hit(`signup-ip:${ip}`, this.config.authRateLimitPerMinute);
    if (!limit.allowed) throw ZulipError.rateLimited(limit.resetIn);
    if (realm.deactivated) {
      throw new ZulipError('REALM_DEACTIVATED', 'This organization has been deactivated', 401);
    }
    const email = this.usersService.validateEmail(rawEmail);
    // The realm's rules first, then an existing account is answered like a new address (the API
    // and the web page alike): sign-up cannot tell who has an account; its owner learns by mail.
    const invite = await this.admissibleInvite(realm, email);
    if (await this.users.findByEmail(realm.id, email)) return this.mailAccountExists(realm, email);
    const key = generateConfirmationKey();
    await this.invites.createConfirmation({
      key,
      realmId: realm.id,
      email,
      inviteId: invite?.id ?? null,
      purpose: 'signup',
      expiresAt: new Date(Date.now() + SIGNUP_LINK_HOURS * 3600_000),
    });
    const url = `${this.resolver.realmUrl(realm)}/accounts/do_confirm/${key}`;
    await this.mail.send({
      to: email,
      subject: `Activate your account on ${realm.name}`,
      text:
        `Someone (hopefully you) asked to create an account on ${realm.name} with this address.\n\n` +
        `Follow this link within ${SIGNUP_LINK_HOURS} hours to choose your name and password:\n\n` +
        `${url}\n\nIf it was not you, ignore this message.\n`,
    });
  }

  /** The mail an existing account's owner gets instead of a sign-up link. */
  private async mailAccountExists(realm: Realm, email: string): Promise<void> {
    const url = this.resolver.realmUrl(realm);
    await this.mail.send({
      to: email,
      subject: `You already have an account on ${realm.name}`,
      text:
        `Someone (hopefully you) tried to sign up on ${realm.name} with this address, which ` +
        `already has an account.\n\nLog in at ${url}/login/ or reset your password at ` +
        `${url}/accounts/password/reset/.\n`,
    });
  }

  /**
   * The account of someone a trusted identity provider (remote-user SSO, OpenID Connect) has
   * authenticated as `email`, created on first login when the realm's rules admit the address:
   * its allowed domains, and an invitation when the realm requires one (whose role and streams
   * apply, as in the e-mail flow).
   */
  async createAuthenticatedAccount(
    realm: Realm,
    rawEmail: string,
    fullName: string,
  ): Promise<User> {
    const email = this.usersService.validateEmail(rawEmail);
    return this.db.transaction(async () => {
      const invite = await this.admissibleInvite(realm, email);
      const user = await this.usersService.createUser(realm, {
        email,
        fullName,
        password: null,
        role: (invite?.invite_as as Role | undefined) ?? Role.Member,
      });
      if (invite) await this.invites.subscribe(user.id, invite.stream_ids);
      await this.invites.markAccepted(realm.id, email);
      return user;
    });
  }

  /**
   * Whether the realm admits a new account for `email` (its domains; an invitation when it
   * requires one); returns the pending invitation, if any.
   */
  private async admissibleInvite(realm: Realm, email: string) {
    await this.realms.assertEmailAllowed(realm, email);
    const invite = await this.invites.pendingFor(realm.id, email);
    if (realm.invite_required && !invite) {
      throw new ZulipError(
        'BAD_REQUEST',
        `This organization requires an invitation: please ask an administrator to invite ${email}.`,
        400,
        { var_name: 'email' },
      );
    }
    return invite;
  }

  /** The open confirmation behind a link key, or a clear error saying why it cannot be used. */
  async confirmation(realm: Realm, key: string): Promise<Confirmation> {
    const found = looksLikeConfirmationKey(key)
      ? await this.invites.findConfirmation(key)
      : undefined;
    if (!found || found.realm_id !== realm.id || found.purpose === 'password_reset') {
      throw ZulipError.notFound('This confirmation link is not valid. Please check the address.');
    }
    if (found.used_at) {
      throw ZulipError.badRequest('This confirmation link has already been used.');
    }
    if (new Date(found.expires_at).getTime() <= Date.now()) {
      throw ZulipError.badRequest('This confirmation link has expired. Please sign up again.');
    }
    return found;
  }

  /** Creates the account behind a confirmation link: invite role and streams, default streams. */
  async complete(realm: Realm, key: string, fullName: string, password: string): Promise<User> {
    if (!password) throw ZulipError.missing('password');
    return this.db.transaction(async () => {
      const confirmation = await this.confirmation(realm, key);
      await this.realms.assertEmailAllowed(realm, confirmation.email);
      const invite = confirmation.invite_id
        ? await this.invites.findInvite(realm.id, confirmation.invite_id)
        : undefined;
      if (realm.invite_required && !invite) {
        throw ZulipError.badRequest('This organization requires an invitation.');
      }
      const user = await this.usersService.createUser(realm, {
        email: confirmation.email,
        fullName,
        password,
        role: (invite?.invite_as as Role | undefined) ?? Role.Member,
      });
      if (!(await this.invites.useConfirmation(key))) {
        throw ZulipError.badRequest('This confirmation link has already been used.');
      }
      if (invite) await this.invites.subscribe(user.id, invite.stream_ids);
      await this.invites.markAccepted(realm.id, confirmation.email);
      return user;
    });
  }

  /**
   * The live reusable invitation behind a `/join/<key>/` link, or a clear error saying why it
   * cannot be used (unknown, revoked, expired, or the organization deactivated).
   */
  async multiuseInvite(realm: Realm, key: string): Promise<MultiuseInvite> {
    const found = looksLikeConfirmationKey(key)
      ? await this.invites.findMultiuseByKey(realm.id, key)
      : undefined;
    if (!found) {
      throw ZulipError.notFound('This invitation link is not valid. Please check the address.');
    }
    if (realm.deactivated) {
      throw new ZulipError('REALM_DEACTIVATED', 'This organization has been deactivated', 401);
    }
    if (found.revoked_at) {
      throw ZulipError.badRequest(
        'This invitation link has been revoked. Please ask the person who shared it for a new one.',
      );
    }
    if (found.expires_at && new Date(found.expires_at).getTime() <= Date.now()) {
      throw ZulipError.badRequest(
        'This invitation link has expired. Please ask the person who shared it for a new one.',
      );
    }
    return found;
  }

  /**
   * Creates an account through a reusable invitation link: the realm's domain rules apply, the
   * link's role and streams (and the default streams when it says so), the password's strength
   * as everywhere. Limited per client address like the other sign-up forms.
   */
  async joinByLink(
    realm: Realm,
    key: string,
    input: { email: string; fullName: string; password: string; ip: string },
  ): Promise<User> {
    const limit = await this.limiter.hit(
      `signup-ip:${input.ip}`,
      this.config.authRateLimitPerMinute,
    );
    if (!limit.allowed) throw ZulipError.rateLimited(limit.resetIn);
    if (!input.password) throw ZulipError.missing('password');
    const email = this.usersService.validateEmail(input.email);
    return this.db.transaction(async () => {
      const invite = await this.multiuseInvite(realm, key);
      await this.realms.assertEmailAllowed(realm, email);
      const user = await this.usersService.createUser(realm, {
        email,
        fullName: input.fullName,
        password: input.password,
        role: invite.invite_as as Role,
        defaultStreams: invite.include_realm_default_subscriptions,
      });
      await this.invites.subscribe(user.id, invite.stream_ids);
      await this.invites.markAccepted(realm.id, email);
      return user;
    });
  }
}
