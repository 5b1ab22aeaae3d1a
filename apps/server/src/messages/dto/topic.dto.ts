import { IsString, MaxLength } from 'class-validator';
import { NoNul } from '../../common/no-nul';

export class DeleteTopicDto {
  @IsString()
  @NoNul()
  @MaxLength(60)
  topic_name!: string;
}
