import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  CurrentRealm,
  CurrentSessionHash,
  CurrentUser,
  WebhookBotAllowed,
} from '../identity/identity.decorators';
import { Params } from '../common/params';
import type { Realm } from '../identity/realm.types';
import { CreateUserDto, ListUsersDto, UpdateSettingsDto, UpdateUserDto } from './dto/users.dto';
import { noSuchUser } from '../identity/permissions';
import { PresentOptions, presentUser } from '../identity/user-presenter';
import { Role, User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { UsersService } from './users.service';
import { EmailChangeService } from './email-change.service';
import { NOTIFICATION_SETTINGS } from '../user-settings-defaults/user-settings-defaults';
import { ProfileFieldsService } from '../profile-fields/profile-fields.service';

@Controller('api/v1')
export class UsersController {
  constructor(
    private readonly service: UsersService,
    private readonly users: UsersRepository,
    private readonly profileFields: ProfileFieldsService,
    private readonly emailChange: EmailChangeService,
  ) {}

  @Get('users')
  async list(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Params(ListUsersDto) p: ListUsersDto,
  ) {
    const users = await this.service.listVisible(me, realm);
    const includeProfileData = p.include_custom_profile_fields ?? false;
    const profileData = includeProfileData
      ? await this.profileFields.realmProfileData(realm.id)
      : new Map<number, undefined>();
    // One options object for the whole list (10,000 users in a big realm), not one per user.
    const options: PresentOptions = {
      viewer: me,
      clientGravatar: p.client_gravatar ?? true,
      includeProfileData,
    };
    return {
      members: users.map((u) => {
        options.profileData = profileData.get(u.id);
        return presentUser(u, options);
      }),
    };
  }

  /** Incoming-webhook bots may call this too, so the gateway can verify a key. */
  @WebhookBotAllowed()
  @Get('users/me')
  async me(@CurrentUser() me: User) {
    return {
      ...presentUser(me, {
        viewer: me,
        includeProfileData: true,
        profileData: (await this.profileFields.profileDataOf([me.id])).get(me.id),
      }),
      max_message_id: await this.users.maxMessageId(me.id),
    };
  }

  @Post('users/me/api_key/regenerate')
  @HttpCode(200)
  async regenerateKey(@CurrentUser() me: User) {
    return { api_key: await this.service.regenerateApiKey(me) };
  }

  /** Zulip's older `/settings/notifications` and `/settings/display` are aliases of this. */
  @Patch(['settings', 'settings/notifications', 'settings/display'])
  async settings(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Params(UpdateSettingsDto) p: UpdateSettingsDto,
    @CurrentSessionHash() sessionHash: string | undefined,
  ) {
    // The address changes only once the link mailed to it is followed.
    const mailed = p.email !== undefined && (await this.emailChange.request(me, realm, p.email));
    const reply = await this.service.updateOwnSettings(
      me,
      {
        fullName: p.full_name,
        oldPassword: p.old_password,
        newPassword: p.new_password,
        timezone: p.timezone,
        sendReadReceipts: p.send_read_receipts,
        allowPrivateDataExport: p.allow_private_data_export,
        twentyFourHourTime: p.twenty_four_hour_time,
        colorScheme: p.color_scheme,
        notifications: Object.fromEntries(NOTIFICATION_SETTINGS.map((name) => [name, p[name]])),
      },
      sessionHash,
    );
    return mailed
      ? { ...reply, account_email: 'Check your email for a confirmation link. ' }
      : reply;
  }

  @Post('users')
  @HttpCode(200)
  async create(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Params(CreateUserDto) p: CreateUserDto,
  ) {
    const user = await this.service.createByAdmin(me, realm, {
      email: p.email,
      fullName: p.full_name,
      password: p.password,
    });
    return { user_id: user.id };
  }

  @Get('users/:email_or_id')
  async get(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Param('email_or_id') emailOrId: string,
    @Params(ListUsersDto) p: ListUsersDto,
  ) {
    const user = await this.service.findVisible(me, realm, emailOrId);
    const includeProfileData = p.include_custom_profile_fields ?? false;
    return {
      user: presentUser(user, {
        viewer: me,
        clientGravatar: p.client_gravatar ?? false,
        includeProfileData,
        profileData: includeProfileData
          ? (await this.profileFields.profileDataOf([user.id])).get(user.id)
          : undefined,
      }),
    };
  }

  @Patch('users/:id')
  async update(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Param('id') id: string,
    @Params(UpdateUserDto) p: UpdateUserDto,
  ) {
    const target = await this.byId(realm, id);
    if (p.full_name !== undefined || p.role !== undefined || p.profile_data === undefined) {
      await this.service.updateByAdmin(me, target, {
        fullName: p.full_name,
        role: p.role as Role | undefined,
      });
    }
    if (p.profile_data !== undefined) {
      await this.profileFields.setValuesAsAdmin(me, realm, target, p.profile_data);
    }
    return {};
  }

  /** Before `users/:id`, which would take `me` for an id. */
  @Delete('users/me')
  async deactivateSelf(@CurrentUser() me: User) {
    await this.service.deactivateSelf(me);
    return {};
  }

  @Delete('users/:id')
  async deactivate(@CurrentUser() me: User, @CurrentRealm() realm: Realm, @Param('id') id: string) {
    const target = await this.byId(realm, id);
    if (target.is_bot) throw noSuchUser();
    await this.service.deactivate(me, target);
    return {};
  }

  @Post('users/:id/reactivate')
  @HttpCode(200)
  async reactivate(@CurrentUser() me: User, @CurrentRealm() realm: Realm, @Param('id') id: string) {
    await this.service.reactivate(me, await this.byId(realm, id));
    return {};
  }

  private async byId(realm: Realm, id: string): Promise<User> {
    if (!/^\d+$/.test(id)) throw noSuchUser();
    return this.service.findInRealm(realm, Number(id));
  }
}
