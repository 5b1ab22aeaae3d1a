import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength } from 'class-validator';
import { Alias, Json, MAX_INT32 } from '../../common/params';
import type { PropagateMode } from '../message-changes';
import { PROPAGATE_MODES } from '../message-edit.service';

export class UpdateMessageDto {
  @Alias('subject')
  @IsOptional()
  @IsString()
  topic?: string;

  @IsOptional()
  @IsString()
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
