import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Json } from '../../common/params';
import { Role } from '../../identity/user.types';
import {
  NOTIFICATION_SETTINGS,
  USER_SETTINGS_DEFAULTS,
} from '../../user-settings-defaults/user-settings-defaults';

export const ROLE_VALUES = [
  Role.Owner,
  Role.Administrator,
  Role.Moderator,
  Role.Member,
  Role.Guest,
];

export const COLOR_SCHEMES = [1, 2, 3];

export class ListUsersDto {
  @IsOptional()
  @Json()
  @IsBoolean()
  client_gravatar?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  include_custom_profile_fields?: boolean;
}

export class CreateUserDto {
  @IsString()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MaxLength(1000)
  password!: string;

  @IsString()
  @MaxLength(1000)
  full_name!: string;

  /** Older clients (zulip-js's example) still send it; Zulip ignores it too. */
  @IsOptional()
  @IsString()
  short_name?: string;
}

export class UpdateUserDto {
  @IsOptional()
  @Json({ orString: true })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  full_name?: string;

  @IsOptional()
  @Json()
  @IsInt()
  @IsIn(ROLE_VALUES, { message: 'must be one of 100, 200, 300, 400, 600' })
  role?: number;

  /** `[{id, value}]` custom profile field values. */
  @IsOptional()
  @Json()
  @IsArray()
  @ArrayMaxSize(1000)
  profile_data?: unknown[];
}

export class UpdateSettingsDto {
  /** The notification settings (NOTIFICATION_SETTINGS), declared below from the catalogue. */
  [setting: string]: unknown;

  /** A new address: changes only once the link mailed to it is followed. */
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  full_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  old_password?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  new_password?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  timezone?: string;

  @IsOptional()
  @Json()
  @IsBoolean()
  send_read_receipts?: boolean;

  /** Consent to realm exports carrying this user's private messages. */
  @IsOptional()
  @Json()
  @IsBoolean()
  allow_private_data_export?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  twenty_four_hour_time?: boolean;

  /** 1 automatic, 2 dark, 3 light. */
  @IsOptional()
  @Json()
  @IsInt()
  @IsIn(COLOR_SCHEMES, { message: 'must be 1 (automatic), 2 (dark) or 3 (light)' })
  color_scheme?: number;
}

// Booleans and numbers arrive JSON-encoded (`true`, `300`); `checkSettings` checks the values.
for (const name of NOTIFICATION_SETTINGS) {
  IsOptional()(UpdateSettingsDto.prototype, name);
  if (typeof USER_SETTINGS_DEFAULTS[name].default !== 'string') {
    Json()(UpdateSettingsDto.prototype, name);
  }
}
