import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Alias, Json } from '../../common/params';

/** Older clients JSON-encode stream names and descriptions; newer ones send them bare. */
const asText = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value : JSON.stringify(value),
);

const POLICIES = [1, 2, 3, 4];

/** A JSON list of user ids or emails. */
export function IsPrincipalList(): PropertyDecorator {
  return ValidateBy({
    name: 'isPrincipalList',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.every((p) => (typeof p === 'string' && p !== '') || Number.isInteger(p)),
      defaultMessage: () => 'must be a list of user IDs or emails',
    },
  });
}

export class ListStreamsDto {
  @IsOptional() @Json() @IsBoolean() include_public?: boolean;
  @IsOptional() @Json() @IsBoolean() include_web_public?: boolean;
  @IsOptional() @Json() @IsBoolean() include_subscribed?: boolean;
  @IsOptional() @Json() @IsBoolean() include_all_active?: boolean;
  @IsOptional() @Json() @IsBoolean() include_default?: boolean;
  @IsOptional() @Json() @IsBoolean() include_owner_subscribed?: boolean;
  @IsOptional() @Json() @IsBoolean() exclude_archived?: boolean;
}

export class GetStreamIdDto {
  @IsString() @MaxLength(1000) stream!: string;
}

export class UpdateStreamDto {
  @IsOptional() @Json({ orString: true }) @asText @IsString() @MaxLength(1000) new_name?: string;
  @IsOptional()
  @Json({ orString: true })
  @asText
  @IsString()
  @MaxLength(10000)
  description?: string;
  @IsOptional() @Json() @IsBoolean() @Alias('invite_only') is_private?: boolean;
  @IsOptional() @Json() @IsBoolean() history_public_to_subscribers?: boolean;
  @IsOptional() @Json() @IsInt() @IsIn(POLICIES) stream_post_policy?: number;
  /** Legacy form of stream_post_policy=2. */
  @IsOptional() @Json() @IsBoolean() is_announcement_only?: boolean;
}

export class StreamIdDto {
  @Json() @IsInt() stream_id!: number;
}

export class StreamRequestDto {
  @IsString() @MaxLength(1000) name!: string;
  @IsOptional() @IsString() @MaxLength(10000) description?: string;
}

export class SubscribeDto {
  @Json()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => StreamRequestDto)
  subscriptions!: StreamRequestDto[];
  @IsOptional() @Json() @IsPrincipalList() principals?: Array<number | string>;
  @IsOptional() @Json() @IsBoolean() authorization_errors_fatal?: boolean;
  /** Accepted for compatibility; new-stream announcements need the messages module. */
  @IsOptional() @Json() @IsBoolean() announce?: boolean;
  @IsOptional() @Json() @IsBoolean() invite_only?: boolean;
  @IsOptional() @Json() @IsBoolean() history_public_to_subscribers?: boolean;
  @IsOptional() @Json() @IsInt() @IsIn(POLICIES) stream_post_policy?: number;
}

export class UnsubscribeDto {
  @Json() @IsArray() @IsString({ each: true }) subscriptions!: string[];
  @IsOptional() @Json() @IsPrincipalList() principals?: Array<number | string>;
}

export class UpdateSubscriptionsDto {
  @IsOptional()
  @Json()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => StreamRequestDto)
  add?: StreamRequestDto[];
  @IsOptional() @Json() @IsArray() @IsString({ each: true }) delete?: string[];
}

export class PropertyChangeDto {
  @IsInt() stream_id!: number;
  @IsString() property!: string;
  // Checked per property by the service: a colour string or a boolean.
  value!: unknown;
}

export class UpdatePropertiesDto {
  @Json()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PropertyChangeDto)
  subscription_data!: PropertyChangeDto[];
}

export class ListSubscriptionsDto {
  @IsOptional() @Json() @IsBoolean() include_subscribers?: boolean;
}
