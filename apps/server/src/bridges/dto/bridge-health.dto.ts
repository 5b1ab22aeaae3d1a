import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BRIDGE_REMOTE_STATES, BridgeRemoteState } from '@hub/api/bridge.types';
import { Json } from '../../common/params';
import {
  MAX_BRIDGE_MAPPINGS,
  MAX_REPORT_INTERVAL,
  MIN_REPORT_INTERVAL,
} from '../bridge-health-rules';

export class BridgeMappingDto {
  @IsString() @MaxLength(300) remote!: string;
  @IsString() @MaxLength(60) stream!: string;
  @IsOptional() @IsString() @MaxLength(60) topic?: string;
  @IsBoolean() joined!: boolean;
}

/** `POST /bridges/health`: what a running bridge says about itself. */
export class ReportBridgeHealthDto {
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'must be a protocol name such as "irc"' })
  protocol!: string;

  @IsIn(BRIDGE_REMOTE_STATES, { message: `must be one of ${BRIDGE_REMOTE_STATES.join(', ')}` })
  remote_state!: BridgeRemoteState;

  @Json() @IsBoolean() chat_connected!: boolean;
  @Json() @IsInt() @Min(0) @Max(10_000_000) queue_to_chat!: number;
  @Json() @IsInt() @Min(0) @Max(10_000_000) queue_to_remote!: number;
  /** Unix seconds of the newest message delivered each way; null or absent: none yet. */
  @IsOptional() @Json({ nullable: true }) @IsInt() @Min(0) last_message_to_chat?: number | null;
  @IsOptional() @Json({ nullable: true }) @IsInt() @Min(0) last_message_to_remote?: number | null;

  @Json()
  @IsArray()
  @ArrayMaxSize(MAX_BRIDGE_MAPPINGS)
  @ValidateNested({ each: true })
  @Type(() => BridgeMappingDto)
  mappings!: BridgeMappingDto[];

  /** Seconds until the next report: a report older than two of these is marked stale. */
  @Json() @IsInt() @Min(MIN_REPORT_INTERVAL) @Max(MAX_REPORT_INTERVAL) report_interval!: number;
}
