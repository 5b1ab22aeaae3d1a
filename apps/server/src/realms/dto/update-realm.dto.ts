import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Json } from '../../common/params';

/** Zulip's invite_to_realm_policy values we support: 1 members, 2 admins only. */
export const INVITE_POLICY_MEMBERS = 1;
export const INVITE_POLICY_ADMINS = 2;

/** `PATCH /realm`. Limits take a number of seconds, `null` or "unlimited". */
export class UpdateRealmDto {
  /** The id of the role group whose members see every user (role:everyone or role:members). */
  @IsOptional()
  @Json()
  @IsInt()
  can_access_all_users_group?: number;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @IsOptional()
  @Json()
  @IsBoolean()
  restricted_to_domain?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  invite_required?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  invite_by_admin_only?: boolean;

  @IsOptional()
  @Json()
  @IsInt()
  @IsIn([INVITE_POLICY_MEMBERS, INVITE_POLICY_ADMINS], {
    message: 'only 1 (members) and 2 (administrators) are supported',
  })
  invite_to_realm_policy?: number;

  @IsOptional()
  @Json()
  @IsBoolean()
  mandatory_topics?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  allow_message_editing?: boolean;

  @IsOptional()
  @Json({ orString: true, nullable: true })
  message_content_edit_limit_seconds?: unknown;

  @IsOptional()
  @Json()
  @IsBoolean()
  allow_message_deleting?: boolean;

  @IsOptional()
  @Json({ orString: true, nullable: true })
  message_content_delete_limit_seconds?: unknown;

  @IsOptional()
  @Json()
  @IsBoolean()
  inline_image_preview?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  inline_url_embed_preview?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  default_language?: string;

  @IsOptional()
  @Json()
  @IsInt()
  @Min(0)
  waiting_period_threshold?: number;

  @IsOptional()
  @Json()
  @IsBoolean()
  enable_read_receipts?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  email_changes_disabled?: boolean;

  @IsOptional()
  @Json()
  @IsBoolean()
  allow_bridged_upload_links?: boolean;
  /** Method name → enabled, e.g. `{"Email": false}`; checked in realms/auth-methods.ts. */
  @IsOptional()
  @Json()
  authentication_methods?: unknown;
}

export class AddRealmDomainDto {
  @IsString()
  @MaxLength(300)
  domain!: string;

  @IsOptional()
  @Json()
  @IsBoolean()
  allow_subdomains?: boolean;
}

export class UpdateRealmDomainDto {
  @Json()
  @IsBoolean()
  allow_subdomains!: boolean;
}
