import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ZulipError } from '../common/zulip-error';
import { SignupService } from '../invites/signup.service';
import type { Realm } from '../identity/realm.types';
import { SessionsService } from '../sessions/sessions.service';
import type { User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';

/**
 * Signs in someone an outside authority vouches for (the front server's remote user, an OpenID
 * provider's verified e-mail): their account in this realm, created on first login when the
 * realm's rules allow, then a fresh session.
 */
@Injectable()
export class ExternalLoginService {
  constructor(
    private readonly users: UsersRepository,
    private readonly signup: SignupService,
    private readonly sessions: SessionsService,
  ) {}

  async login(
    realm: Realm,
    identity: { email: string; fullName: string },
    req: Request,
    options: { createAccounts: boolean },
  ): Promise<string[]> {
    if (realm.deactivated) {
      throw new ZulipError('REALM_DEACTIVATED', 'This organization has been deactivated', 401);
    }
    const user = await this.account(realm, identity, options.createAccounts);
    return (await this.sessions.start(user, req)).cookies;
  }

  private async account(
    realm: Realm,
    identity: { email: string; fullName: string },
    createAccounts: boolean,
  ): Promise<User> {
    const existing = await this.users.findByEmail(realm.id, identity.email);
    if (existing) {
      if (existing.is_bot) throw ZulipError.forbidden('Bots cannot log in to the web application.');
      if (!existing.is_active) {
        throw new ZulipError('USER_DEACTIVATED', 'Your account has been deactivated.', 403);
      }
      return existing;
    }
    if (!createAccounts) {
      throw ZulipError.forbidden(
        `There is no account for ${identity.email} in this organization.`,
        'NO_ACCOUNT',
      );
    }
    return this.signup.createAuthenticatedAccount(realm, identity.email, identity.fullName);
  }
}

/** A display name for a new account from what an identity provider knows. */
export function nameFor(email: string, name: unknown): string {
  const given = typeof name === 'string' ? name.trim() : '';
  return given || email.split('@')[0];
}
