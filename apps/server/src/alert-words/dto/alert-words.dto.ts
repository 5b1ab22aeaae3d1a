import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { Json } from '../../common/params';

/** Zulip caps each alert word at 100 characters. */
export const MAX_ALERT_WORD_LENGTH = 100;

export class AlertWordsDto {
  @Json()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(MAX_ALERT_WORD_LENGTH, { each: true })
  alert_words!: string[];
}
