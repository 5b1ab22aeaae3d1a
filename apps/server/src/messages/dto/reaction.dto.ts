import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ReactionDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  emoji_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  emoji_code?: string;

  @IsOptional()
  @IsString()
  reaction_type?: string;

  /** Mirror bridges only: the remote person's mirror email (see ReactionsService). */
  @IsOptional()
  @IsString()
  @MaxLength(254)
  sender?: string;
}

export class RenderDto {
  @IsString()
  @MaxLength(1_000_000)
  content!: string;
}
