import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Json, MAX_INT32 } from '../../common/params';

export class LinkifierDto {
  @IsString() @MaxLength(10000) pattern!: string;
  @IsOptional() @IsString() @MaxLength(10000) url_template?: string;
  /** Before Zulip 7.0: `%(name)s` placeholders instead of `{name}`. */
  @IsOptional() @IsString() @MaxLength(10000) url_format_string?: string;
}

export class ReorderLinkifiersDto {
  /** Every linkifier's id, in the new order. */
  @Json()
  @IsArray()
  @ArrayMaxSize(10000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_INT32, { each: true })
  ordered_linkifier_ids!: number[];
}
