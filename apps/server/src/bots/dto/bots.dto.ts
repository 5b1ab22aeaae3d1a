import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { Json } from '../../common/params';
import { BotType } from '../../identity/user.types';
import { ServiceInterface } from '../bot.types';

const BOT_TYPES = [
  BotType.Generic,
  BotType.IncomingWebhook,
  BotType.OutgoingWebhook,
  BotType.Embedded,
];
const INTERFACES = [ServiceInterface.Zulip, ServiceInterface.SlackCompatible];

export class CreateBotDto {
  @IsString()
  @MaxLength(100)
  full_name!: string;

  @IsString()
  @MaxLength(60)
  short_name!: string;

  @IsOptional()
  @Json()
  @IsInt()
  @IsIn(BOT_TYPES, { message: 'must be 1, 2, 3 or 4' })
  bot_type?: number;

  /** Zulip sends it JSON-encoded; a bare URL is accepted too. */
  @IsOptional()
  @Json({ orString: true })
  @IsString()
  @MaxLength(2000)
  payload_url?: string;

  @IsOptional()
  @Json()
  @IsInt()
  @IsIn(INTERFACES, { message: 'must be 1 (Zulip) or 2 (Slack-compatible)' })
  interface_type?: number;

  @IsOptional()
  @IsString()
  service_name?: string;

  @IsOptional()
  @Json()
  @IsObject()
  config_data?: Record<string, unknown>;

  @IsOptional()
  @Json()
  @IsBoolean()
  default_all_public_streams?: boolean;
}

export class UpdateBotDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  full_name?: string;

  @IsOptional()
  @Json()
  @IsInt()
  bot_owner_id?: number;

  @IsOptional()
  @Json({ orString: true })
  @IsString()
  @MaxLength(2000)
  service_payload_url?: string;

  @IsOptional()
  @Json()
  @IsInt()
  @IsIn(INTERFACES, { message: 'must be 1 (Zulip) or 2 (Slack-compatible)' })
  service_interface?: number;

  @IsOptional()
  @Json()
  @IsObject()
  config_data?: Record<string, unknown>;

  @IsOptional()
  @Json()
  @IsBoolean()
  default_all_public_streams?: boolean;
}
