import {
  IsBase64,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DELIVERY_OUTCOMES, type DeliveryOutcome } from '@hub/api/webhook-delivery.types';
import { Json, MAX_INT32 } from '../../common/params';

/** `POST /webhooks/deliveries`: the gateway reports a delivery (first with its payload) or its outcome. */
export class ReportDeliveryDto {
  @IsString()
  @Matches(/^[A-Za-z0-9-]{8,64}$/, { message: 'uuid is not a delivery id' })
  uuid!: string;

  @IsString()
  @Matches(/^[a-z0-9_-]{1,60}$/, { message: 'integration is not an integration name' })
  integration!: string;

  @IsIn(DELIVERY_OUTCOMES)
  outcome!: DeliveryOutcome;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  event?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @IsOptional()
  @Json()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  message_id?: number;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  host?: string;

  @IsOptional()
  @Json()
  @IsObject()
  headers?: Record<string, unknown>;

  @IsOptional()
  @Json()
  @IsObject()
  query?: Record<string, unknown>;

  /** The raw body, base64. */
  @IsOptional()
  @IsString()
  @IsBase64()
  body?: string;

  @IsOptional()
  @Json()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  replay_of?: number;
}

/** `GET /webhooks/deliveries`: filters and paging, newest first. */
export class ListDeliveriesDto {
  @IsOptional()
  @Json()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  bot_id?: number;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  integration?: string;

  @IsOptional()
  @IsIn(DELIVERY_OUTCOMES)
  outcome?: DeliveryOutcome;

  /** Only deliveries older than this id (the next page). */
  @IsOptional()
  @Json()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  before?: number;

  @IsOptional()
  @Json()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** `GET /webhooks/deliveries/stats`: deliveries and failures per hour. */
export class DeliveryStatsDto {
  @IsOptional()
  @Json()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  bot_id?: number;

  @IsOptional()
  @Json()
  @IsInt()
  @Min(1)
  @Max(24 * 31)
  hours?: number;
}
