import { Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { CurrentRealm, CurrentUser, HumanUsersOnly } from '../identity/identity.decorators';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { Role, User } from '../identity/user.types';
import { CreateMultiuseInviteDto, SendInvitesDto } from './dto/invites.dto';
import { DEFAULT_INVITE_MINUTES, InvitesService } from './invites.service';

const inviteId = new ParseIntPipe({
  exceptionFactory: () => ZulipError.notFound('No such invitation'),
});

const seconds = (date: Date): number => Math.floor(new Date(date).getTime() / 1000);

@Controller('api/v1/invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post()
  @HttpCode(200)
  async send(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Params(SendInvitesDto) p: SendInvitesDto,
  ) {
    const created = await this.invites.invite(me, realm, {
      emails: p.invitee_emails,
      streamIds: p.stream_ids,
      inviteAs: (p.invite_as ?? Role.Member) as Role,
      expiresInMinutes:
        p.invite_expires_in_minutes === undefined
          ? DEFAULT_INVITE_MINUTES
          : p.invite_expires_in_minutes,
    });
    return { invited_emails: created.map((i) => i.email) };
  }

  /**
   * Zulip's reusable invitation link: `{"invite_link": "https://…/join/<key>/"}`. People only:
   * a bot is refused even with an administrator's role.
   */
  @Post('multiuse')
  @HumanUsersOnly()
  @HttpCode(200)
  async createMultiuse(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Params(CreateMultiuseInviteDto) p: CreateMultiuseInviteDto,
  ) {
    const { url } = await this.invites.createMultiuse(me, realm, {
      streamIds: p.stream_ids ?? [],
      inviteAs: (p.invite_as ?? Role.Member) as Role,
      includeRealmDefaultSubscriptions: p.include_realm_default_subscriptions ?? false,
      expiresInMinutes:
        p.invite_expires_in_minutes === undefined
          ? DEFAULT_INVITE_MINUTES
          : p.invite_expires_in_minutes,
    });
    return { invite_link: url };
  }

  @Delete('multiuse/:invite_id')
  @HumanUsersOnly()
  async revokeMultiuse(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Param('invite_id', inviteId) id: number,
  ) {
    await this.invites.revokeMultiuse(me, realm, id);
    return {};
  }

  /** Pending e-mail invitations, then live reusable links (`is_multiuse`, `link_url`). */
  @Get()
  async list(@CurrentUser() me: User, @CurrentRealm() realm: Realm) {
    const [invites, links] = await Promise.all([
      this.invites.list(me, realm),
      this.invites.listMultiuse(me, realm),
    ]);
    return {
      invites: [
        ...invites.map((i) => ({
          id: i.id,
          email: i.email,
          invited_by_user_id: i.invited_by_id,
          invited: seconds(i.created_at),
          expiry_date: seconds(i.expires_at),
          invited_as: i.invite_as,
          stream_ids: i.stream_ids,
          is_multiuse: false,
          notify_referrer_on_join: false,
        })),
        ...links.map((l) => ({
          id: l.id,
          invited_by_user_id: l.referred_by_id,
          invited: seconds(l.created_at),
          expiry_date: l.expires_at === null ? null : seconds(l.expires_at),
          invited_as: l.invite_as,
          stream_ids: l.stream_ids,
          is_multiuse: true,
          link_url: this.invites.multiuseUrl(realm, l),
        })),
      ],
    };
  }

  @Post(':id/resend')
  @HttpCode(200)
  async resend(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Param('id', inviteId) id: number,
  ) {
    await this.invites.resend(me, realm, id);
    return {};
  }

  @Delete(':id')
  async revoke(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Param('id', inviteId) id: number,
  ) {
    await this.invites.revoke(me, realm, id);
    return {};
  }
}
