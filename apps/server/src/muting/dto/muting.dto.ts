import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Json } from '../../common/params';
import { MAX_INT32, NoNul } from '../../common/no-nul';

/** Zulip's longest topic name. */
const MAX_TOPIC_LENGTH = 60;

/** `PATCH /users/me/subscriptions/muted_topics`: the stream by id or by name. */
export class MutedTopicDto {
  @IsOptional() @Json() @IsInt() @Min(1) @Max(MAX_INT32) stream_id?: number;
  @IsOptional() @IsString() @NoNul() @MaxLength(1000) stream?: string;
  @IsString() @NoNul() @MaxLength(MAX_TOPIC_LENGTH) topic!: string;
  @IsString() @IsIn(['add', 'remove']) op!: 'add' | 'remove';
}

export class UserTopicDto {
  @Json() @IsInt() @Min(1) @Max(MAX_INT32) stream_id!: number;
  @IsString() @NoNul() @MaxLength(MAX_TOPIC_LENGTH) topic!: string;
  @Json() @IsInt() @IsIn([0, 1, 2, 3]) visibility_policy!: number;
}
