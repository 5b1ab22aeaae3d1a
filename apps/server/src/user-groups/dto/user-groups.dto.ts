import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
} from 'class-validator';
import { Json, MAX_INT32 } from '../../common/params';

/** A JSON list of ids (users or groups), as Zulip's `members`, `add`, `delete`. */
const IdList = (): PropertyDecorator => (target, key) => {
  Json()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(10_000)(target, key);
  IsInt({ each: true })(target, key);
  Min(1, { each: true })(target, key);
  Max(MAX_INT32, { each: true })(target, key);
};

/** One group id, as Zulip's group permission settings (`can_mention_group`) take it. */
const GroupId = (): PropertyDecorator => (target, key) => {
  Json()(target, key);
  IsInt()(target, key);
  Min(1)(target, key);
  Max(MAX_INT32)(target, key);
};

export class CreateUserGroupDto {
  @IsString() name!: string;
  @IsString() description!: string;
  @IdList() members!: number[];
  @IsOptional() @IdList() subgroups?: number[];
  @IsOptional() @GroupId() can_mention_group?: number;
}

export class UpdateUserGroupDto {
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() description?: string;
  @IsOptional() @GroupId() can_mention_group?: number;
}

export class UpdateMembersDto {
  @IsOptional() @IdList() add?: number[];
  @IsOptional() @IdList() delete?: number[];
  @IsOptional() @IdList() add_subgroups?: number[];
  @IsOptional() @IdList() delete_subgroups?: number[];
}

export class UpdateSubgroupsDto {
  @IsOptional() @IdList() add?: number[];
  @IsOptional() @IdList() delete?: number[];
}

export class ListUserGroupsDto {
  @IsOptional() @Json() @IsBoolean() include_deactivated_groups?: boolean;
}

export class DirectMemberDto {
  @IsOptional() @Json() @IsBoolean() direct_member_only?: boolean;
}

export class DirectSubgroupDto {
  @IsOptional() @Json() @IsBoolean() direct_subgroup_only?: boolean;
}
