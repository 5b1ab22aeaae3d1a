import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Json, MAX_INT32 } from '../../common/params';

export class ProfileFieldDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  hint?: string;

  @IsOptional()
  @Json()
  @IsInt()
  @Min(0)
  @Max(MAX_INT32)
  field_type?: number;

  @IsOptional()
  @Json()
  field_data?: unknown;

  @IsOptional()
  @Json()
  @IsBoolean()
  display_in_profile_summary?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  required?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  editable_by_user?: boolean;
}

export class ReorderProfileFieldsDto {
  @Json()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_INT32, { each: true })
  order!: number[];
}

export class ProfileDataDto {
  /** `[{id, value}]`. */
  @Json()
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(1000)
  data!: unknown[];
}

export class ClearProfileDataDto {
  @Json()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_INT32, { each: true })
  data!: number[];
}
