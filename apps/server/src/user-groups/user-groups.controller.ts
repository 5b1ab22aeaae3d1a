import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import {
  CreateUserGroupDto,
  DirectMemberDto,
  DirectSubgroupDto,
  ListUserGroupsDto,
  UpdateMembersDto,
  UpdateSubgroupsDto,
  UpdateUserGroupDto,
} from './dto/user-groups.dto';
import { UserGroupsService } from './user-groups.service';

function pathId(raw: string, error: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw ZulipError.badRequest(error);
  return Number(raw);
}
const groupId = (raw: string) => pathId(raw, 'Invalid user group');

@Controller('api/v1/user_groups')
export class UserGroupsController {
  constructor(private readonly groups: UserGroupsService) {}

  @Get()
  async list(@CurrentUser() user: User, @Params(ListUserGroupsDto) _p: ListUserGroupsDto) {
    return { user_groups: await this.groups.list(user.realm_id) };
  }

  @Post('create')
  @HttpCode(200)
  async create(@CurrentUser() user: User, @Params(CreateUserGroupDto) p: CreateUserGroupDto) {
    return { group_id: await this.groups.create(user, p) };
  }

  @Patch(':group_id')
  async update(
    @CurrentUser() user: User,
    @Param('group_id') id: string,
    @Params(UpdateUserGroupDto) p: UpdateUserGroupDto,
  ) {
    await this.groups.update(user, groupId(id), p);
    return {};
  }

  @Delete(':group_id')
  async remove(@CurrentUser() user: User, @Param('group_id') id: string) {
    await this.groups.remove(user, groupId(id));
    return {};
  }

  @Get(':group_id/members')
  async members(
    @CurrentUser() user: User,
    @Param('group_id') id: string,
    @Params(DirectMemberDto) p: DirectMemberDto,
  ) {
    return {
      members: await this.groups.members(user.realm_id, groupId(id), p.direct_member_only ?? false),
    };
  }

  @Post(':group_id/members')
  @HttpCode(200)
  async updateMembers(
    @CurrentUser() user: User,
    @Param('group_id') id: string,
    @Params(UpdateMembersDto) p: UpdateMembersDto,
  ) {
    await this.groups.updateMembers(user, groupId(id), {
      add: p.add,
      delete: p.delete,
      addSubgroups: p.add_subgroups,
      deleteSubgroups: p.delete_subgroups,
    });
    return {};
  }

  @Get(':group_id/members/:user_id')
  async isMember(
    @CurrentUser() user: User,
    @Param('group_id') id: string,
    @Param('user_id') userId: string,
    @Params(DirectMemberDto) p: DirectMemberDto,
  ) {
    const member = await this.groups.isMember(
      user.realm_id,
      groupId(id),
      pathId(userId, 'No such user'),
      p.direct_member_only ?? false,
    );
    return { is_user_group_member: member };
  }

  @Get(':group_id/subgroups')
  async subgroups(
    @CurrentUser() user: User,
    @Param('group_id') id: string,
    @Params(DirectSubgroupDto) p: DirectSubgroupDto,
  ) {
    const ids = await this.groups.subgroups(
      user.realm_id,
      groupId(id),
      p.direct_subgroup_only ?? false,
    );
    return { subgroups: ids };
  }

  @Post(':group_id/subgroups')
  @HttpCode(200)
  async updateSubgroups(
    @CurrentUser() user: User,
    @Param('group_id') id: string,
    @Params(UpdateSubgroupsDto) p: UpdateSubgroupsDto,
  ) {
    await this.groups.updateSubgroups(user, groupId(id), p);
    return {};
  }
}
