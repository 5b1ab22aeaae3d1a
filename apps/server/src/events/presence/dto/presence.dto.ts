import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { Alias, Json } from '../../../common/params';

export class TypingDto {
  @IsIn(['start', 'stop']) op!: 'start' | 'stop';
  /** `direct` (legacy `private`) with `to` user ids; `stream` (`channel`) with stream_id + topic. */
  @IsOptional() @IsIn(['direct', 'private', 'stream', 'channel']) type?: string;
  /** User ids (or, from old clients, emails) for DMs; a stream id for old stream clients. */
  @IsOptional() @Json({ orString: true }) to?: unknown;
  @IsOptional() @Json() @IsInt() stream_id?: number;
  @IsOptional() @IsString() @MaxLength(60) @Alias('subject') topic?: string;
}

export class PresenceDto {
  @IsIn(['active', 'idle']) status!: 'active' | 'idle';
  @IsOptional() @Json() @IsBoolean() ping_only?: boolean;
  @IsOptional() @Json() @IsBoolean() new_user_input?: boolean;
  @IsOptional() @Json() @IsBoolean() slim_presence?: boolean;
  @IsOptional() @Json() @IsInt() last_update_id?: number;
  @IsOptional() @Json() @IsInt() history_limit_days?: number;
}

export class UserStatusDto {
  /** Checked against Zulip's 60-character limit after trimming; this only bounds the input. */
  @IsOptional() @IsString() @MaxLength(1000) status_text?: string;
  @IsOptional() @Json() @IsBoolean() away?: boolean;
  @IsOptional() @IsString() @MaxLength(100) emoji_name?: string;
  @IsOptional() @IsString() @MaxLength(100) emoji_code?: string;
  @IsOptional() @IsString() @MaxLength(30) reaction_type?: string;
}
