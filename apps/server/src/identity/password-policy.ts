import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import { hashPassword, passwordWeakness } from './passwords';

/** The configured password rules (length, zxcvbn score) and hash strength. */
@Injectable()
export class PasswordPolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Checks strength (length and zxcvbn score) and returns the PBKDF2 hash to store. */
  async hashNewPassword(
    password: string,
    userInputs: string[] = [],
    trusted = false,
  ): Promise<string> {
    const weakness = trusted
      ? null
      : passwordWeakness(
          password,
          { minLength: this.config.passwordMinLength, minScore: this.config.passwordMinScore },
          userInputs,
        );
    if (weakness) throw new ZulipError('BAD_REQUEST', weakness, 400, { var_name: 'password' });
    return hashPassword(password, this.config.passwordHashIterations);
  }
}
