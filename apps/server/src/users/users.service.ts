import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import type { Realm } from '../realms/realm.types';
import { NewUser, UsersRepository } from './users.repository';
import { Role, User } from './user.types';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

export interface CreateUserInput {
  email: string;
  fullName: string;
  password?: string | null;
  role?: Role;
  /** Skip the zxcvbn check, for passwords the server generated itself. */
  trustedPassword?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly db: Database,
  ) {}

  validateEmail(email: string): string {
    const trimmed = email.trim();
    if (!EMAIL.test(trimmed) || trimmed.length > 254) {
      throw new ZulipError('BAD_REQUEST', `Invalid email '${email}'`, 400, { var_name: 'email' });
    }
    return trimmed;
  }

  validateFullName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed) throw new ZulipError('BAD_REQUEST', 'Name too short!', 400);
    if (trimmed.length > 100) throw new ZulipError('BAD_REQUEST', 'Name too long!', 400);
    if (/[\u0000-\u001f*`\\>"@]/.test(trimmed) && /[\u0000-\u001f]/.test(trimmed)) {
      throw new ZulipError('BAD_REQUEST', 'Invalid characters in name!', 400);
    }
    return trimmed;
  }

  /** Creates a human account and subscribes it to the realm's default streams. */
  async createUser(realm: Realm, input: CreateUserInput): Promise<User> {
    const email = this.validateEmail(input.email);
    const fullName = this.validateFullName(input.fullName);
    let passwordHash: string | null = null;
    if (input.password) {
      passwordHash = await this.auth.hashNewPassword(
        input.password,
        input.trustedPassword ? undefined : [email, fullName],
        input.trustedPassword,
      );
    }
    return this.insertWithDefaults({
      realm_id: realm.id,
      email,
      full_name: fullName,
      role: input.role ?? Role.Member,
      password_hash: passwordHash,
    });
  }

  /** Inserts a user (human, bot or mirror dummy) and subscribes humans to the default streams. */
  async insertWithDefaults(user: NewUser): Promise<User> {
    return this.db.transaction(async () => {
      if (await this.users.findByEmail(user.realm_id, user.email)) {
        throw new ZulipError('BAD_REQUEST', `Email '${user.email}' already in use`, 400);
      }
      const created = await this.users.create(user);
      if (!created.is_bot) await this.users.subscribeToDefaultStreams(created.id, created.realm_id);
      return created;
    });
  }
}
