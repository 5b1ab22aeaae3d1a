import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { Json } from '../../common/params';

/** `GET /calls/bigbluebutton/create`. */
export class CreateBigBlueButtonCallDto {
  @IsString()
  @MaxLength(1000)
  meeting_name!: string;

  /** Cameras off for everyone: an audio call. */
  @IsOptional()
  @Json()
  @IsBoolean()
  voice_only?: boolean;
}

/** `GET /calls/bigbluebutton/join`: the signed meeting from the create answer. */
export class JoinBigBlueButtonCallDto {
  @IsString()
  @MaxLength(10_000)
  bigbluebutton!: string;
}
