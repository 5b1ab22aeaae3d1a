import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NoNul } from '../../common/no-nul';

export class ReactionDto {
  @IsOptional()
  @IsString()
  @NoNul()
  @MaxLength(100)
  emoji_name?: string;

  @IsOptional()
  @IsString()
  @NoNul()
  @MaxLength(100)
  emoji_code?: string;

  @IsOptional()
  @IsString()
  @NoNul()
  reaction_type?: string;
}

export class RenderDto {
  @IsString()
  @NoNul()
  @MaxLength(1_000_000)
  content!: string;
}
