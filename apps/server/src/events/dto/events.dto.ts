import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Alias, Json } from '../../common/params';

/** `POST /register` (and `GET /events` without a queue_id, which registers implicitly). */
export class RegisterDto {
  /** null or absent: every event type. */
  @IsOptional()
  @Json()
  @ValidateIf((_, v) => v !== null)
  @IsArray()
  @IsString({ each: true })
  event_types?: string[] | null;
  @IsOptional()
  @Json()
  @ValidateIf((_, v) => v !== null)
  @IsArray()
  @IsString({ each: true })
  fetch_event_types?: string[] | null;
  /** Checked term by term by `parseNarrow`. */
  @IsOptional() @Json() @IsArray() narrow?: unknown[];
  @IsOptional() @Json() @IsBoolean() all_public_streams?: boolean;
  @IsOptional() @Json() @IsBoolean() apply_markdown?: boolean;
  @IsOptional() @Json() @IsBoolean() client_gravatar?: boolean;
  @IsOptional() @Json() @IsBoolean() include_subscribers?: boolean;
  @IsOptional() @Json() @IsBoolean() slim_presence?: boolean;
  @IsOptional() @Json() @IsInt() @Min(0) presence_history_limit_days?: number;
  @IsOptional() @Json() @IsObject() client_capabilities?: Record<string, unknown>;
}

/** Without `queue_id`, the register parameters are read too (see the controller). */
export class GetEventsDto {
  @IsOptional() @IsString() @MaxLength(100) queue_id?: string;
  @IsOptional() @Json() @IsInt() @Min(-1) last_event_id?: number;
  @IsOptional() @Json() @IsBoolean() dont_block?: boolean;
}

export class DeleteQueueDto {
  @IsString() @MaxLength(100) queue_id!: string;
}

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
