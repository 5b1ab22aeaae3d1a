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
import type { Confirmation, ConfirmationPurpose, MultiuseInvite } from './invite.types';
import { InvitesRepository } from './invites.repository';

export const SIGNUP_LINK_HOURS = 24;
/** Sign-up (or "you already have an account") mails one address may get in an hour. */
export const SIGNUP_MAILS_PER_ADDRESS_PER_HOUR = 5;

/** The confirmations that open the sign-up form (not password resets or e-mail changes). */
const SIGNUP_PURPOSES: string[] = ['signup', 'invite'] satisfies ConfirmationPurpose[];

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
   * like password attempts, and per e-mail address, so the endpoint cannot be used to flood
   * someone's mailbox.
   */
  async start(realm: Realm, rawEmail: string, ip: string): Promise<void> {
    await this.limitClient(ip);
    if (realm.deactivated) {
      throw new ZulipError('REALM_DEACTIVATED', 'This organization has been deactivated', 401);
    }
    const email = this.usersService.validateEmail(rawEmail);
    // The realm's rules first, then an existing account is answered like a new address (the API
    // and the web page alike): sign-up cannot tell who has an account; its owner learns by mail.
    const invite = await this.admissibleInvite(realm, email);
    await this.mailConfirmation(realm, email, { inviteId: invite?.id ?? null });
  }

  /**
   * The first step of joining through a reusable invitation link (`/join/<key>/`): mails a
   * confirmation link, bound to the invitation, to the address given, so only its owner can make
   * the account. The answer is the same whether or not the address already has an account.
   */
  async joinByLink(realm: Realm, key: string, rawEmail: string, ip: string): Promise<void> {
    await this.limitClient(ip);
    const invite = await this.multiuseInvite(realm, key);
    const email = this.usersService.validateEmail(rawEmail);
    await this.realms.assertEmailAllowed(realm, email);
    await this.mailConfirmation(realm, email, { multiuseInviteId: invite.id });
  }

  private async limitClient(ip: string): Promise<void> {
    const limit = await this.limiter.hit(`signup-ip:${ip}`, this.config.authRateLimitPerMinute);
    if (!limit.allowed) throw ZulipError.rateLimited(limit.resetIn);
  }

  /**
   * Mails `email` its sign-up link, or, when the address has an account, a note saying so with the
   * log-in and password-reset links. Either mail counts against the address's hourly limit.
   */
  private async mailConfirmation(
    realm: Realm,
    email: string,
    bound: { inviteId?: number | null; multiuseInviteId?: number },
  ): Promise<void> {
    const limit = await this.limiter.hit(
      `signup-mail:${realm.id}:${email.toLowerCase()}`,
      SIGNUP_MAILS_PER_ADDRESS_PER_HOUR,
      3600,
    );
    if (!limit.allowed) throw ZulipError.rateLimited(limit.resetIn);
    if (await this.users.findByEmail(realm.id, email)) return this.mailAccountExists(realm, email);
    const key = generateConfirmationKey();
    await this.invites.createConfirmation({
      key,
      realmId: realm.id,
      email,
      inviteId: bound.inviteId ?? null,
      multiuseInviteId: bound.multiuseInviteId ?? null,
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
    return (await this.openConfirmation(realm, key)).confirmation;
  }

  /**
   * The open sign-up confirmation behind `key` and the reusable invitation it is bound to, if any
   * (which must still be live: a revoked or expired invitation makes its links fail).
   */
  private async openConfirmation(
    realm: Realm,
    key: string,
  ): Promise<{ confirmation: Confirmation; multiuse?: MultiuseInvite }> {
    const found = looksLikeConfirmationKey(key)
      ? await this.invites.findConfirmation(key)
      : undefined;
    if (!found || found.realm_id !== realm.id || !SIGNUP_PURPOSES.includes(found.purpose)) {
      throw ZulipError.notFound('This confirmation link is not valid. Please check the address.');
    }
    if (found.used_at) {
      throw ZulipError.badRequest('This confirmation link has already been used.');
    }
    if (new Date(found.expires_at).getTime() <= Date.now()) {
      throw ZulipError.badRequest('This confirmation link has expired. Please sign up again.');
    }
    if (found.multiuse_invite_id === null) return { confirmation: found };
    const multiuse = this.liveMultiuse(
      realm,
      await this.invites.findMultiuse(realm.id, found.multiuse_invite_id),
    );
    return { confirmation: found, multiuse };
  }

  /**
   * Creates the account behind a confirmation link: the role and streams of its invitation (an
   * e-mail invitation or a reusable link, with the default streams when the link says so).
   */
  async complete(realm: Realm, key: string, fullName: string, password: string): Promise<User> {
    if (!password) throw ZulipError.missing('password');
    return this.db.transaction(async () => {
      const { confirmation, multiuse } = await this.openConfirmation(realm, key);
      await this.realms.assertEmailAllowed(realm, confirmation.email);
      const invite = confirmation.invite_id
        ? await this.invites.findInvite(realm.id, confirmation.invite_id)
        : undefined;
      if (realm.invite_required && !invite && !multiuse) {
        throw ZulipError.badRequest('This organization requires an invitation.');
      }
      const user = await this.usersService.createUser(realm, {
        email: confirmation.email,
        fullName,
        password,
        role: ((multiuse ?? invite)?.invite_as as Role | undefined) ?? Role.Member,
        defaultStreams: multiuse?.include_realm_default_subscriptions,
      });
      if (!(await this.invites.useConfirmation(key))) {
        throw ZulipError.badRequest('This confirmation link has already been used.');
      }
      const streams = (multiuse ?? invite)?.stream_ids;
      if (streams) await this.invites.subscribe(user.id, streams);
      await this.invites.markAccepted(realm.id, confirmation.email);
      return user;
    });
  }

  /**
   * The live reusable invitation behind a `/join/<key>/` link, or a clear error saying why it
   * cannot be used (unknown, revoked, expired, or the organization deactivated).
   */
  async multiuseInvite(realm: Realm, key: string): Promise<MultiuseInvite> {
    return this.liveMultiuse(
      realm,
      looksLikeConfirmationKey(key)
        ? await this.invites.findMultiuseByKey(realm.id, key)
        : undefined,
    );
  }

  private liveMultiuse(realm: Realm, found: MultiuseInvite | undefined): MultiuseInvite {
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
}
