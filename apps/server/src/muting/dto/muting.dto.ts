import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Json, MAX_INT32 } from '../../common/params';

/** Zulip's longest topic name. */
const MAX_TOPIC_LENGTH = 60;

/** `PATCH /users/me/subscriptions/muted_topics`: the stream by id or by name. */
export class MutedTopicDto {
  @IsOptional() @Json() @IsInt() @Min(1) @Max(MAX_INT32) stream_id?: number;
  @IsOptional() @IsString() @MaxLength(1000) stream?: string;
  @IsString() @MaxLength(MAX_TOPIC_LENGTH) topic!: string;
  @IsString() @IsIn(['add', 'remove']) op!: 'add' | 'remove';
}

export class UserTopicDto {
  @Json() @IsInt() @Min(1) @Max(MAX_INT32) stream_id!: number;
  @IsString() @MaxLength(MAX_TOPIC_LENGTH) topic!: string;
  @Json() @IsInt() @IsIn([0, 1, 2, 3]) visibility_policy!: number;
}
