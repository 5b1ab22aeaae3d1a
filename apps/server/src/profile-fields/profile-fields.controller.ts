import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import { CurrentRealm, CurrentUser } from '../identity/identity.decorators';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import {
  ClearProfileDataDto,
  ProfileDataDto,
  ProfileFieldDto,
  ReorderProfileFieldsDto,
} from './dto/profile-fields.dto';
import { FieldInput, ProfileFieldsService } from './profile-fields.service';

function fieldId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw ZulipError.badRequest(`Field id ${raw} not found.`);
  return Number(raw);
}

function fieldInput(p: ProfileFieldDto): FieldInput {
  return {
    name: p.name,
    hint: p.hint,
    fieldType: p.field_type,
    fieldData: p.field_data,
    displayInProfileSummary: p.display_in_profile_summary,
    required: p.required,
    editableByUser: p.editable_by_user,
  };
}

@Controller('api/v1')
export class ProfileFieldsController {
  constructor(private readonly fields: ProfileFieldsService) {}

  @Get('realm/profile_fields')
  async list(@CurrentUser() user: User) {
    return { custom_fields: await this.fields.list(user.realm_id) };
  }

  @Post('realm/profile_fields')
  @HttpCode(200)
  async create(@CurrentUser() user: User, @Params(ProfileFieldDto) p: ProfileFieldDto) {
    return { id: await this.fields.create(user, fieldInput(p)) };
  }

  @Patch('realm/profile_fields')
  async reorder(
    @CurrentUser() user: User,
    @Params(ReorderProfileFieldsDto) p: ReorderProfileFieldsDto,
  ) {
    await this.fields.reorder(user, p.order);
    return {};
  }

  @Patch('realm/profile_fields/:field_id')
  async update(
    @CurrentUser() user: User,
    @Param('field_id') id: string,
    @Params(ProfileFieldDto) p: ProfileFieldDto,
  ) {
    await this.fields.update(user, fieldId(id), fieldInput(p));
    return {};
  }

  @Delete('realm/profile_fields/:field_id')
  async remove(@CurrentUser() user: User, @Param('field_id') id: string) {
    await this.fields.remove(user, fieldId(id));
    return {};
  }

  @Patch('users/me/profile_data')
  async setOwn(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(ProfileDataDto) p: ProfileDataDto,
  ) {
    await this.fields.setValues(user, realm, user, p.data);
    return {};
  }

  @Delete('users/me/profile_data')
  async clearOwn(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(ClearProfileDataDto) p: ClearProfileDataDto,
  ) {
    await this.fields.clearValues(user, realm, p.data);
    return {};
  }
}
