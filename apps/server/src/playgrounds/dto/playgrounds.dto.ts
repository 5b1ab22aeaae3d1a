import { IsString, MaxLength } from 'class-validator';

export class CreatePlaygroundDto {
  @IsString()
  @MaxLength(1000)
  name!: string;

  @IsString()
  @MaxLength(1000)
  pygments_language!: string;

  @IsString()
  @MaxLength(2000)
  url_template!: string;
}
