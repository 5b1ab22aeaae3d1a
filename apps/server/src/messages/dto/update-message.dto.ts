import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength } from 'class-validator';
import { MAX_INT32, NoNul } from '../../common/no-nul';
import { Alias, Json } from '../../common/params';
import type { PropagateMode } from '../message-changes';
import { PROPAGATE_MODES } from '../message-edit.service';

export class UpdateMessageDto {
  @Alias('subject')
  @IsOptional()
  @IsString()
  @NoNul()
  topic?: string;

  @IsOptional()
  @IsString()
  @NoNul()
  @MaxLength(1_000_000)
  content?: string;

  @Json()
  @IsOptional()
  @IsInt()
  @Max(MAX_INT32)
  stream_id?: number;

  @IsOptional()
  @IsIn(PROPAGATE_MODES)
  propagate_mode?: PropagateMode;
}
