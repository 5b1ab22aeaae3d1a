import { IsString, MaxLength } from 'class-validator';

export class DeleteTopicDto {
  @IsString()
  @MaxLength(60)
  topic_name!: string;
}
