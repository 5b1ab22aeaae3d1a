import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PushTokenDto {
  /** Zulip refuses longer ones with "Empty or invalid length token". */
  @IsString() @MaxLength(100000) token!: string;
}

export class ApnsTokenDto extends PushTokenDto {
  /** The iOS app's bundle id (`org.zulip.Zulip`). */
  @IsOptional() @IsString() @MaxLength(100000) appid?: string;
}

export class TestNotificationDto {
  /** One device's token; unset: every device of the user. */
  @IsOptional() @IsString() @MaxLength(100000) token?: string;
}
