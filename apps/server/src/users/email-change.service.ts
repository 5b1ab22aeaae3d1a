import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { generateConfirmationKey, looksLikeConfirmationKey } from '../identity/confirmation-key';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { Realm } from '../identity/realm.types';
import { isAdmin, User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { MailService } from '../mail/mail.service';
import { RealmsService } from '../realms/realms.service';
import { EmailChangeRepository } from './email-change.repository';
import { UsersService } from './users.service';

/** How long an email-change link works (Zulip: one day). */
export const EMAIL_CHANGE_LINK_HOURS = 24;

const DISABLED = 'Email address changes are disabled in this organization.';

/**
 * Changing one's own email address: `PATCH /settings` with `email` mails a link to the new
 * address; the address changes only when that link is followed
 * (`/accounts/confirm_new_email/<key>`), and the old address is told.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    private readonly links: EmailChangeRepository,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly realms: RealmsService,
    private readonly mail: MailService,
    private readonly resolver: RealmResolver,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  /** Checks the new address and mails the link; false when it is the current address. */
  async request(user: User, realm: Realm, rawEmail: string): Promise<boolean> {
    const email = this.usersService.validateEmail(rawEmail);
    if (email.toLowerCase() === user.delivery_email.toLowerCase()) return false;
    await this.assertAllowed(user, realm, email);
    const key = generateConfirmationKey();
    await this.links.create({
      key,
      realm_id: realm.id,
      user_id: user.id,
      email,
      expires_at: new Date(Date.now() + EMAIL_CHANGE_LINK_HOURS * 3_600_000),
    });
    await this.mail.send({
      to: email,
      subject: `Verify your new email address for ${realm.name}`,
      text:
        `Someone (hopefully you) asked to change the email address of ${user.full_name}'s ` +
        `account on ${realm.name} from ${user.delivery_email} to ${email}.\n\n` +
        `Follow this link within ${EMAIL_CHANGE_LINK_HOURS} hours to confirm the change:\n\n` +
        `${this.resolver.realmUrl(realm)}/accounts/confirm_new_email/${key}/\n\n` +
        `If you did not ask, ignore this message: nothing changes.\n`,
    });
    return true;
  }

  /** Follows the link: the account's address becomes the new one; answers the changed user. */
  async confirm(realm: Realm, key: string): Promise<{ user: User; oldEmail: string }> {
    const result = await this.db.transaction(async () => {
      const link = looksLikeConfirmationKey(key) ? await this.links.find(realm.id, key) : undefined;
      if (!link) throw ZulipError.notFound('This email change link is not valid.');
      if (link.used_at)
        throw ZulipError.badRequest('This email change link has already been used.');
      if (new Date(link.expires_at).getTime() <= Date.now()) {
        throw ZulipError.badRequest('This email change link has expired. Please ask again.');
      }
      const user = await this.users.findInRealm(realm.id, link.user_id);
      if (!user || !user.is_active) {
        throw ZulipError.badRequest('This account is deactivated.');
      }
      await this.assertAllowed(user, realm, link.email);
      await this.links.markUsed(key);
      const updated = await this.usersService.changeEmail(user, link.email);
      // The delivery address is for administrators and the user themselves.
      await this.events.toAdminsAnd(realm.id, [user.id], {
        type: 'realm_user',
        op: 'update',
        person: { user_id: user.id, delivery_email: updated.delivery_email },
      });
      return { user: updated, oldEmail: user.delivery_email };
    });
    await this.mail.send({
      to: result.oldEmail,
      subject: `Email address changed for ${realm.name}`,
      text:
        `The email address of your account on ${realm.name} ` +
        `(${this.resolver.realmUrl(realm)}) was changed from ${result.oldEmail} to ` +
        `${result.user.delivery_email}.\n\n` +
        `If you did not make this change, contact an administrator of ${realm.name} now.\n`,
    });
    return result;
  }

  private async assertAllowed(user: User, realm: Realm, email: string): Promise<void> {
    if (realm.email_changes_disabled && !isAdmin(user)) throw ZulipError.badRequest(DISABLED);
    await this.realms.assertEmailAllowed(realm, email);
    const holder = await this.users.findByEmail(realm.id, email);
    if (holder && holder.id !== user.id) {
      throw new ZulipError('BAD_REQUEST', `Email '${email}' already in use`, 400, {
        var_name: 'email',
      });
    }
  }
}
