import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { Json } from '../../common/params';
import { ROLE_VALUES } from '../../users/dto/users.dto';

export class SendInvitesDto {
  @IsString()
  @MaxLength(100_000)
  invitee_emails!: string;

  @Json()
  @IsArray()
  @IsInt({ each: true })
  stream_ids!: number[];

  @IsOptional()
  @Json()
  @IsInt()
  @IsIn(ROLE_VALUES, { message: 'must be one of 100, 200, 300, 400, 600' })
  invite_as?: number;

  /** Minutes until the invitation expires; null for never. */
  @IsOptional()
  @Json({ nullable: true })
  @IsInt()
  @Min(1)
  invite_expires_in_minutes?: number | null;
}

/** `POST /invites/multiuse`: every parameter is optional. */
export class CreateMultiuseInviteDto {
  @IsOptional()
  @Json()
  @IsArray()
  @IsInt({ each: true })
  stream_ids?: number[];

  @IsOptional()
  @Json()
  @IsInt()
  @IsIn(ROLE_VALUES, { message: 'must be one of 100, 200, 300, 400, 600' })
  invite_as?: number;

  /** Minutes until the link expires; null for never. */
  @IsOptional()
  @Json({ nullable: true })
  @IsInt()
  @Min(1)
  invite_expires_in_minutes?: number | null;

  @IsOptional()
  @Json()
  @IsBoolean()
  include_realm_default_subscriptions?: boolean;
}

/** The e-mail step of joining through a reusable invitation link; the key is in the path. */
export class JoinDto {
  @IsString()
  @MaxLength(254)
  email!: string;
}

export class StartSignupDto {
  @IsString()
  @MaxLength(254)
  email!: string;
}

export class CompleteSignupDto {
  @IsString()
  @MaxLength(100)
  key!: string;

  @IsString()
  @MaxLength(1000)
  full_name!: string;

  @IsString()
  @MaxLength(1000)
  password!: string;
}

/** The HTML form's fields; the key is in the path. */
export class ConfirmFormDto {
  @IsString()
  @MaxLength(1000)
  full_name!: string;

  @IsString()
  @MaxLength(1000)
  password!: string;

  /** The page's CSRF token (its cookie must match). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  csrfmiddlewaretoken?: string;
}
