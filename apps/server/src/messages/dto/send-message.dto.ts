import { IsBoolean, IsDefined, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { Alias, Json } from '../../common/params';

export class SendMessageDto {
  @IsString()
  type!: string;

  /** A stream name or id, or DM recipients (JSON list, bare email, comma list). */
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

  @IsOptional()
  @IsString()
  queue_id?: string;

  @IsOptional()
  @IsString()
  local_id?: string;

  /** Mirror semantics (§5.3 of the API notes). */
  @IsOptional()
  @IsString()
  sender?: string;

  /** `yes` from mirrors, or a JSON boolean. */
  @Json({ orString: true })
  @IsOptional()
  forged?: string | boolean;

  @Json()
  @IsOptional()
  @IsNumber()
  time?: number;

  @IsOptional()
  @IsString()
  realm_str?: string;

  @Json()
  @IsOptional()
  @IsBoolean()
  read_by_sender?: boolean;
}
