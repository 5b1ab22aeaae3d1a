import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Json } from '../../../common/params';

/** Without `queue_id`, the register parameters are read too (see the controller). */
export class GetEventsDto {
  @IsOptional() @IsString() @MaxLength(100) queue_id?: string;
  // Event ids are counters in memory or Redis, not a 32-bit column; the fast path reads them so too.
  @IsOptional() @Json({ wideNumbers: true }) @IsInt() @Min(-1) last_event_id?: number;
  @IsOptional() @Json() @IsBoolean() dont_block?: boolean;
}

export class DeleteQueueDto {
  @IsString() @MaxLength(100) queue_id!: string;
}
