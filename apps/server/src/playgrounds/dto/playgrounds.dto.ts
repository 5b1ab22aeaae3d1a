import { IsString, Matches, MaxLength } from 'class-validator';

/** PostgreSQL text cannot hold NUL. */
const NO_NUL = /^[^\u0000]*$/;

export class CreatePlaygroundDto {
  @IsString()
  @Matches(NO_NUL, { message: 'must not contain null bytes' })
  @MaxLength(1000)
  name!: string;

  @IsString()
  @Matches(NO_NUL, { message: 'must not contain null bytes' })
  @MaxLength(1000)
  pygments_language!: string;

  @IsString()
  @Matches(NO_NUL, { message: 'must not contain null bytes' })
  @MaxLength(2000)
  url_template!: string;
}
