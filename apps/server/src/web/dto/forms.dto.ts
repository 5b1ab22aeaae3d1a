import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Fields every sign-in form posts. */
class FormDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  csrfmiddlewaretoken?: string;
}

export class LoginFormDto extends FormDto {
  @IsString()
  @MaxLength(254)
  username!: string;

  @IsString()
  @MaxLength(1000)
  password!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

export class EmailFormDto extends FormDto {
  @IsString()
  @MaxLength(254)
  email!: string;
}

export class NewPasswordFormDto extends FormDto {
  @IsString()
  @MaxLength(1000)
  new_password!: string;

  @IsString()
  @MaxLength(1000)
  confirm_password!: string;
}

export class LogoutFormDto extends FormDto {}
