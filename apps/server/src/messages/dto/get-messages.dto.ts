import { IsArray, IsBoolean, IsDefined, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Json, PlainlyValid } from '../../common/params';

const absentOr = (value: unknown, check: (v: unknown) => boolean): boolean =>
  value === undefined || check(value);
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isMessageId = (v: unknown): boolean => isCount(v) && (v as number) <= Number.MAX_SAFE_INTEGER;

/** What clients send (the decorators decide anything else, with their errors). */
export function plainlyValidGetMessages(p: GetMessagesDto): boolean {
  return (
    absentOr(p.include_anchor, isBoolean) &&
    absentOr(p.num_before, isCount) &&
    absentOr(p.num_after, isCount) &&
    absentOr(p.message_ids, (ids) => Array.isArray(ids) && ids.every(isMessageId)) &&
    absentOr(p.apply_markdown, isBoolean) &&
    absentOr(p.client_gravatar, isBoolean) &&
    absentOr(p.use_first_unread_anchor, isBoolean)
  );
}

@PlainlyValid(plainlyValidGetMessages)
export class GetMessagesDto {
  /** A message id, or `newest` / `oldest` / `first_unread`. */
  @Json({ orString: true, wideNumbers: true })
  @IsOptional()
  anchor?: unknown;

  @Json()
  @IsOptional()
  @IsBoolean()
  include_anchor?: boolean;

  @Json()
  @IsOptional()
  @IsInt()
  @Min(0)
  num_before?: number;

  @Json()
  @IsOptional()
  @IsInt()
  @Min(0)
  num_after?: number;

  /** Checked by parseNarrow: objects or pairs. */
  @Json({ wideNumbers: true })
  @IsOptional()
  narrow?: unknown;

  @Json()
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(Number.MAX_SAFE_INTEGER, { each: true })
  message_ids?: number[];

  @Json()
  @IsOptional()
  @IsBoolean()
  apply_markdown?: boolean;

  @Json()
  @IsOptional()
  @IsBoolean()
  client_gravatar?: boolean;

  @Json()
  @IsOptional()
  @IsBoolean()
  use_first_unread_anchor?: boolean;
}

export class GetMessageDto {
  @Json()
  @IsOptional()
  @IsBoolean()
  apply_markdown?: boolean;
}

export class MatchesNarrowDto {
  @Json()
  @IsArray()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(Number.MAX_SAFE_INTEGER, { each: true })
  msg_ids!: number[];

  @Json({ wideNumbers: true })
  @IsDefined()
  narrow!: unknown;
}
