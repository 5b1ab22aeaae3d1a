import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Alias, Json } from '../../common/params';

/** The latest time, in seconds since the epoch, that a JavaScript Date can hold. */
const MAX_TIMESTAMP = 8_640_000_000_000;

export class CreateScheduledMessageDto {
  @IsString()
  type!: string;

  /** A stream id, or a JSON list of user ids. */
  @Json({ orString: true })
  @IsDefined()
  to!: unknown;

  @Alias('subject')
  @IsOptional()
  @IsString()
  topic?: string;

  @IsString()
  @MaxLength(1_000_000)
  content!: string;

  @Json()
  @IsInt()
  @Min(0)
  @Max(MAX_TIMESTAMP)
  scheduled_delivery_timestamp!: number;

  @Json()
  @IsOptional()
  @IsBoolean()
  read_by_sender?: boolean;
}

export class EditScheduledMessageDto {
  @IsOptional()
  @IsString()
  type?: string;

  @Json({ orString: true })
  @IsOptional()
  to?: unknown;

  @Alias('subject')
  @IsOptional()
  @IsString()
  topic?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1_000_000)
  content?: string;

  @Json()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TIMESTAMP)
  scheduled_delivery_timestamp?: number;
}
