import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '@hub/config';
import { RateLimiter } from '../common/rate-limiter';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { UsersRepository } from '../identity/users.repository';
import type { User } from '../identity/user.types';
import { verifyPassword } from '../identity/passwords';
import { assertAuthMethodEnabled } from '../realms/auth-methods';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `POST /fetch_api_key`: password login, rate limited per email and per client IP. */
  async fetchApiKey(realm: Realm, email: string, password: string, ip: string): Promise<User> {
    const keys = [`auth-email:${realm.id}:${email.toLowerCase()}`, `auth-ip:${ip}`];
    for (const key of keys) {
      const state = await this.limiter.hit(key, this.config.authRateLimitPerMinute, 60);
      if (!state.allowed) throw ZulipError.rateLimited(state.resetIn);
    }
    if (realm.deactivated) {
      throw new ZulipError('REALM_DEACTIVATED', 'This organization has been deactivated', 401);
    }
    assertAuthMethodEnabled(realm, this.config, 'Email');
    const user = await this.users.findByEmail(realm.id, email);
    // Unknown emails and bots cost one hash too: the timing must not reveal who has an account.
    const hash = user && !user.is_bot ? user.password_hash : null;
    const ok = await verifyPassword(password, hash, this.config.passwordHashIterations);
    if (!user || !ok) {
      throw new ZulipError('AUTHENTICATION_FAILED', 'Your username or password is incorrect', 401);
    }
    if (!user.is_active) {
      throw new ZulipError('USER_DEACTIVATED', 'Account is deactivated', 401);
    }
    await this.limiter.reset(keys[0]);
    return this.users.update(user.id, { last_login: new Date() });
  }

  /** `POST /dev_fetch_api_key`: only in DEV_MODE, no password. */
  async devFetchApiKey(realm: Realm, email: string): Promise<User> {
    if (!this.config.devMode) {
      throw new ZulipError('BAD_REQUEST', 'DevAuthBackend not enabled.', 400);
    }
    assertAuthMethodEnabled(realm, this.config, 'Dev');
    const user = await this.users.findByEmail(realm.id, email);
    if (!user || user.is_bot) {
      throw new ZulipError('AUTHENTICATION_FAILED', 'This user is not registered.', 401);
    }
    if (!user.is_active) throw new ZulipError('USER_DEACTIVATED', 'Account is deactivated', 401);
    return user;
  }
}
