import { IsString, MaxLength } from 'class-validator';

export class FetchApiKeyDto {
  @IsString()
  @MaxLength(254)
  username!: string;

  @IsString()
  @MaxLength(1000)
  password!: string;
}

export class DevFetchApiKeyDto {
  @IsString()
  @MaxLength(254)
  username!: string;
}
