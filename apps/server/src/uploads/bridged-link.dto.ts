import { IsString, MaxLength } from 'class-validator';

export class BridgedLinkDto {
  /** The upload as a message links it: `/user_uploads/<realm id>/<path>`. */
  @IsString()
  @MaxLength(1000)
  path!: string;
}
