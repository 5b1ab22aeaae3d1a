import {
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Min,
  ValidateIf,
} from 'class-validator';
import { Json } from '../../../common/params';

/** `POST /register` (and `GET /events` without a queue_id, which registers implicitly). */
export class RegisterDto {
  /** null or absent: every event type. */
  @IsOptional()
  @Json({ nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsArray()
  @IsString({ each: true })
  event_types?: string[] | null;
  @IsOptional()
  @Json({ nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsArray()
  @IsString({ each: true })
  fetch_event_types?: string[] | null;
  /** Checked term by term by `parseNarrow`. */
  @IsOptional() @Json({ wideNumbers: true }) @IsArray() narrow?: unknown[];
  @IsOptional() @Json() @IsBoolean() all_public_streams?: boolean;
  @IsOptional() @Json() @IsBoolean() apply_markdown?: boolean;
  @IsOptional() @Json() @IsBoolean() client_gravatar?: boolean;
  @IsOptional() @Json() @IsBoolean() include_subscribers?: boolean;
  @IsOptional() @Json() @IsBoolean() slim_presence?: boolean;
  @IsOptional() @Json() @IsInt() @Min(0) presence_history_limit_days?: number;
  @IsOptional() @Json() @IsObject() client_capabilities?: Record<string, unknown>;
}
