import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
} from 'class-validator';
import { Json, MAX_INT32 } from '../../common/params';

export class UpdateFlagsDto {
  @Json()
  @IsArray()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(Number.MAX_SAFE_INTEGER, { each: true })
  messages!: number[];

  @IsString()
  op!: string;

  @IsString()
  flag!: string;
}

export class MarkStreamDto {
  @Json()
  @IsInt()
  @Max(MAX_INT32)
  stream_id!: number;
}

export class MarkTopicDto {
  @Json()
  @IsInt()
  @Max(MAX_INT32)
  stream_id!: number;

  @IsString()
  topic_name!: string;
}

export class UpdateFlagsNarrowDto {
  @Json({ orString: true, wideNumbers: true })
  @IsDefined()
  anchor!: unknown;

  @Json()
  @IsOptional()
  @IsBoolean()
  include_anchor?: boolean;

  @Json()
  @IsInt()
  @Min(0)
  num_before!: number;

  @Json()
  @IsInt()
  @Min(0)
  num_after!: number;

  @Json({ wideNumbers: true })
  @IsDefined()
  narrow!: unknown;

  @IsString()
  op!: string;

  @IsString()
  flag!: string;
}
