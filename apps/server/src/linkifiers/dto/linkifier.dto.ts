import { IsOptional, IsString, MaxLength } from 'class-validator';

export class LinkifierDto {
  @IsString() @MaxLength(10000) pattern!: string;
  @IsOptional() @IsString() @MaxLength(10000) url_template?: string;
  /** Before Zulip 7.0: `%(name)s` placeholders instead of `{name}`. */
  @IsOptional() @IsString() @MaxLength(10000) url_format_string?: string;
}
