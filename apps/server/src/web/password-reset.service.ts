import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { RateLimiter } from '../common/rate-limiter';
import { PasswordPolicy } from '../identity/password-policy';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { generateConfirmationKey, looksLikeConfirmationKey } from '../identity/confirmation-key';
import type { Confirmation } from '../invites/invite.types';
import { InvitesRepository } from '../invites/invites.repository';
import { MailService } from '../mail/mail.service';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { Realm } from '../identity/realm.types';
import { SessionsService } from '../sessions/sessions.service';
import type { User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';

/** A reset link works once, within this time. */
export const RESET_LINK_MINUTES = 60;

/**
 * Password reset by e-mail. The request always gets the same answer, so it never tells whether
 * an address has an account: an account holder gets a one-time link, anyone else a note saying
 * there is no account here.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly confirmations: InvitesRepository,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordPolicy,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly resolver: RealmResolver,
    private readonly limiter: RateLimiter,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(realm: Realm, rawEmail: string, ip: string): Promise<void> {
    const email = rawEmail.trim();
    for (const key of [`reset-ip:${ip}`, `reset-email:${realm.id}:${email.toLowerCase()}`]) {
      const limit = await this.limiter.hit(key, this.config.authRateLimitPerMinute);
      if (!limit.allowed) throw ZulipError.rateLimited(limit.resetIn);
    }
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw ZulipError.invalid('email');
    const user = await this.users.findByEmail(realm.id, email);
    const realmUrl = this.resolver.realmUrl(realm);
    if (!user || user.is_bot || !user.is_active) {
      await this.mail.send({
        to: email,
        subject: `Password reset requested for ${realm.name}`,
        text:
          `Someone (hopefully you) asked to reset the password of ${email} on ${realm.name} ` +
          `(${realmUrl}), but this address has no active account there.\n\n` +
          `If you did not ask, ignore this message.\n`,
      });
      return;
    }
    const key = generateConfirmationKey();
    await this.confirmations.createConfirmation({
      key,
      realmId: realm.id,
      email: user.delivery_email,
      inviteId: null,
      purpose: 'password_reset',
      expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000),
    });
    await this.mail.send({
      to: user.delivery_email,
      subject: `Reset your password for ${realm.name}`,
      text:
        `Someone (hopefully you) asked to reset the password of ${user.email} on ${realm.name}.\n\n` +
        `Follow this link within ${RESET_LINK_MINUTES} minutes to choose a new password:\n\n` +
        `${realmUrl}/accounts/password/reset/${key}/\n\n` +
        `The link works once. If you did not ask, ignore this message: your password stays.\n`,
    });
  }

  /** The open reset link behind `key`, or why it cannot be used. */
  async link(realm: Realm, key: string): Promise<Confirmation> {
    const found = looksLikeConfirmationKey(key)
      ? await this.confirmations.findConfirmation(key)
      : undefined;
    if (!found || found.realm_id !== realm.id || found.purpose !== 'password_reset') {
      throw ZulipError.notFound('This password reset link is not valid.');
    }
    if (found.used_at)
      throw ZulipError.badRequest('This password reset link has already been used.');
    if (new Date(found.expires_at).getTime() <= Date.now()) {
      throw ZulipError.badRequest(
        'This password reset link has expired. Please ask for a new one.',
      );
    }
    return found;
  }

  /** Sets the new password, uses up the link and ends every session of the account. */
  async complete(realm: Realm, key: string, password: string, confirm: string): Promise<User> {
    if (password !== confirm) {
      throw new ZulipError('BAD_REQUEST', 'The two passwords do not match.', 400, {
        var_name: 'confirm_password',
      });
    }
    return this.db.transaction(async () => {
      const link = await this.link(realm, key);
      const user = await this.users.findByEmail(realm.id, link.email);
      if (!user || !user.is_active || user.is_bot) {
        throw ZulipError.badRequest('This account cannot be signed in to.');
      }
      const hash = await this.passwords.hashNewPassword(password, [
        user.delivery_email,
        user.full_name,
      ]);
      if (!(await this.confirmations.useConfirmation(key))) {
        throw ZulipError.badRequest('This password reset link has already been used.');
      }
      const updated = await this.users.update(user.id, { password_hash: hash });
      await this.sessions.endAllFor(user.id);
      return updated;
    });
  }
}
