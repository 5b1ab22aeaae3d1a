import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { RateLimiter } from '../common/rate-limiter';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { MailService } from '../mail/mail.service';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { Realm } from '../identity/realm.types';
import { RealmsService } from '../realms/realms.service';
import { isAdmin, Role, User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { UsersService } from '../users/users.service';
import { generateConfirmationKey } from '../identity/confirmation-key';
import { Invite, MultiuseInvite, PendingInvite } from './invite.types';
import { InvitesRepository } from './invites.repository';

export const DEFAULT_INVITE_MINUTES = 10 * 24 * 60;
const NEVER = 100 * 365 * 24 * 60;

export interface InviteRequest {
  emails: string;
  streamIds: number[];
  inviteAs: Role;
  /** null: the invitation never expires. */
  expiresInMinutes: number | null;
}

export interface MultiuseInviteRequest {
  streamIds: number[];
  inviteAs: Role;
  includeRealmDefaultSubscriptions: boolean;
  /** null: the link never expires. */
  expiresInMinutes: number | null;
}

/** Splits Zulip's `invitee_emails`: commas or newlines, with optional "Name <email>" forms. */
export function splitInviteeEmails(raw: string): string[] {
  const emails = raw
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => /<([^>]+)>/.exec(part)?.[1]?.trim() ?? part);
  return [...new Set(emails)];
}

@Injectable()
export class InvitesService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly realms: RealmsService,
    private readonly resolver: RealmResolver,
    private readonly mail: MailService,
    private readonly db: Database,
    private readonly events: EventPublisher,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `POST /invites`: invites each valid address and reports the others as Zulip does. */
  async invite(actor: User, realm: Realm, request: InviteRequest): Promise<Invite[]> {
    if (actor.is_bot || actor.role === Role.Guest) {
      throw ZulipError.forbidden('Insufficient permission');
    }
    if (realm.invite_by_admin_only && !isAdmin(actor)) {
      throw ZulipError.forbidden(
        'Only organization administrators can invite users to this organization.',
      );
    }
    this.assertMayInviteAs(actor, request.inviteAs);
    const emails = splitInviteeEmails(request.emails);
    if (emails.length === 0)
      throw ZulipError.badRequest('You must specify at least one email address.');
    const streams = await this.inviteStreams(actor, realm, request.streamIds);

    const errors: [string, string, boolean][] = [];
    const valid: string[] = [];
    for (const email of emails) {
      const reason = await this.refusal(realm, email);
      if (reason) errors.push([email, reason.message, reason.deactivated]);
      else valid.push(email);
    }
    await this.spendDailyInvites(realm, valid.length);
    const minutes = request.expiresInMinutes ?? NEVER;
    const created = await this.db.transaction(async () => {
      const out: Invite[] = [];
      for (const email of valid) {
        const invite = await this.invites.createInvite({
          realmId: realm.id,
          email,
          invitedById: actor.id,
          inviteAs: request.inviteAs,
          streamIds: streams,
        });
        const key = generateConfirmationKey();
        await this.invites.createConfirmation({
          key,
          realmId: realm.id,
          email,
          inviteId: invite.id,
          purpose: 'invite',
          expiresAt: new Date(Date.now() + minutes * 60_000),
        });
        out.push(invite);
        await this.sendInviteMail(actor, realm, email, key);
      }
      if (out.length > 0) await this.announceChange(realm, actor.id);
      return out;
    });
    if (errors.length > 0) {
      throw new ZulipError(
        'INVITATION_FAILED',
        created.length > 0
          ? "Some of those addresses could not be invited, so we didn't send them an invitation. We did send invitations to everyone else!"
          : "We weren't able to invite anyone.",
        400,
        {
          errors,
          sent_invitations: created.length > 0,
          license_limit_reached: false,
          daily_limit_reached: false,
        },
      );
    }
    return created;
  }

  /**
   * Each invitation e-mail counts against the organization's daily limit (Zulip's
   * `daily_limit_reached`), so an account cannot turn the server into a mail cannon.
   */
  private async spendDailyInvites(realm: Realm, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const state = await this.limiter.hit(
        `invites:${realm.id}`,
        this.config.inviteLimitPerDay,
        24 * 60 * 60,
      );
      if (!state.allowed) {
        throw new ZulipError(
          'INVITATION_FAILED',
          'To protect users, this organization can send only a limited number of invitations a day. Please try again later.',
          400,
          {
            errors: [],
            sent_invitations: false,
            license_limit_reached: false,
            daily_limit_reached: true,
          },
        );
      }
    }
  }

  /** No one invites someone to a role above their own. */
  private assertMayInviteAs(actor: User, inviteAs: Role): void {
    if (inviteAs < actor.role) {
      throw ZulipError.forbidden('You cannot invite someone with a role higher than your own.');
    }
  }

  /** The invitation's streams, each one the inviter may see, without repeats. */
  private async inviteStreams(actor: User, realm: Realm, ids: number[]): Promise<number[]> {
    const streams = [...new Set(ids)];
    const visible = await this.invites.visibleStreamIds(realm.id, actor.id, streams);
    const unknown = streams.find((id) => !visible.includes(id));
    if (unknown !== undefined) throw ZulipError.streamDoesNotExist(unknown);
    return streams;
  }

  /**
   * `POST /invites/multiuse`: a reusable invitation link. Zulip's `create_multiuse_invite_group`
   * defaults to the administrators, and this server has no other value for it.
   */
  async createMultiuse(
    actor: User,
    realm: Realm,
    request: MultiuseInviteRequest,
  ): Promise<{ invite: MultiuseInvite; url: string }> {
    if (!isAdmin(actor)) throw ZulipError.forbidden('Insufficient permission');
    this.assertMayInviteAs(actor, request.inviteAs);
    const streams = await this.inviteStreams(actor, realm, request.streamIds);
    const minutes = request.expiresInMinutes;
    return this.db.transaction(async () => {
      const invite = await this.invites.createMultiuse({
        realmId: realm.id,
        key: generateConfirmationKey(),
        referredById: actor.id,
        inviteAs: request.inviteAs,
        streamIds: streams,
        includeDefaults: request.includeRealmDefaultSubscriptions,
        expiresAt: minutes === null ? null : new Date(Date.now() + minutes * 60_000),
      });
      await this.announceChange(realm, actor.id);
      return { invite, url: this.multiuseUrl(realm, invite) };
    });
  }

  /** Where a reusable link leads: the web client's sign-up page (Zulip's `/join/<key>/`). */
  multiuseUrl(realm: Realm, invite: MultiuseInvite): string {
    return `${this.resolver.realmUrl(realm)}/join/${invite.key}/`;
  }

  /** `DELETE /invites/multiuse/{id}`: administrators, and whoever made the link. */
  async revokeMultiuse(actor: User, realm: Realm, id: number): Promise<void> {
    const invite = await this.invites.findMultiuse(realm.id, id);
    if (!invite) throw ZulipError.notFound('No such invitation');
    if (!isAdmin(actor) && invite.referred_by_id !== actor.id) {
      throw ZulipError.forbidden('Must be an organization administrator');
    }
    await this.db.transaction(async () => {
      if (!(await this.invites.revokeMultiuse(invite.id))) {
        throw ZulipError.badRequest('Invitation has already been revoked');
      }
      await this.announceChange(realm, invite.referred_by_id);
    });
  }

  /** Pending invites: every one for administrators, one's own for others. */
  list(actor: User, realm: Realm): Promise<PendingInvite[]> {
    return this.invites.listPending(realm.id, isAdmin(actor) ? null : actor.id);
  }

  /** Live reusable links: every one for administrators, one's own for others. */
  listMultiuse(actor: User, realm: Realm): Promise<MultiuseInvite[]> {
    return this.invites.listLiveMultiuse(realm.id, isAdmin(actor) ? null : actor.id);
  }

  async revoke(actor: User, realm: Realm, id: number): Promise<void> {
    const invite = await this.invites.findInvite(realm.id, id);
    if (!invite || invite.accepted_at) throw ZulipError.notFound('No such invitation');
    if (!isAdmin(actor) && invite.invited_by_id !== actor.id) {
      throw ZulipError.forbidden('Must be an organization administrator');
    }
    await this.db.transaction(async () => {
      await this.invites.deleteInvite(invite.id);
      await this.announceChange(realm, invite.invited_by_id);
    });
  }

  /**
   * `POST /invites/{id}/resend`: mails a pending invitation's link again (administrators, and
   * whoever sent it). The link and its expiry stay as they were.
   */
  async resend(actor: User, realm: Realm, id: number): Promise<void> {
    const invite = await this.invites.findInvite(realm.id, id);
    const key = invite && !invite.accepted_at && (await this.invites.pendingConfirmationKey(id));
    if (!invite || !key) throw ZulipError.notFound('No such invitation');
    if (!isAdmin(actor) && invite.invited_by_id !== actor.id) {
      throw ZulipError.forbidden('Must be an organization administrator');
    }
    const sentBy =
      invite.invited_by_id === null ? undefined : await this.users.findById(invite.invited_by_id);
    const inviter = sentBy ?? actor;
    await this.sendInviteMail(inviter, realm, invite.email, key);
    await this.announceChange(realm, invite.invited_by_id);
  }

  /** Zulip's `invites_changed`: to the administrators and whoever sent the invitation. */
  private async announceChange(realm: Realm, inviterId: number | null): Promise<void> {
    const inviter = inviterId === null ? [] : [inviterId];
    await this.events.toAdminsAnd(realm.id, inviter, { type: 'invites_changed' });
  }

  private async refusal(
    realm: Realm,
    email: string,
  ): Promise<{ message: string; deactivated: boolean } | null> {
    try {
      this.usersService.validateEmail(email);
      await this.realms.assertEmailAllowed(realm, email);
    } catch (err) {
      if (err instanceof ZulipError) return { message: err.message, deactivated: false };
      throw err;
    }
    const existing = await this.users.findByEmail(realm.id, email);
    if (existing && !existing.is_active) {
      return { message: 'Account has been deactivated.', deactivated: true };
    }
    if (existing) return { message: 'Already has an account.', deactivated: false };
    return null;
  }

  private async sendInviteMail(actor: User, realm: Realm, email: string, key: string) {
    const url = `${this.resolver.realmUrl(realm)}/accounts/do_confirm/${key}`;
    await this.mail.send({
      to: email,
      subject: `${actor.full_name} invited you to join ${realm.name}`,
      text:
        `${actor.full_name} (${actor.email}) invited you to join ${realm.name}.\n\n` +
        `Follow this link to create your account:\n\n${url}\n\n` +
        `If you did not expect this invitation, you can ignore this message.\n`,
    });
  }
}
