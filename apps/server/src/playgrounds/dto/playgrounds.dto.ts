import { IsString, MaxLength } from 'class-validator';
import { NoNul } from '../../common/no-nul';

export class CreatePlaygroundDto {
  @IsString()
  @NoNul()
  @MaxLength(1000)
  name!: string;

  @IsString()
  @NoNul()
  @MaxLength(1000)
  pygments_language!: string;

  @IsString()
  @NoNul()
  @MaxLength(2000)
  url_template!: string;
}
