import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { UsersService } from './users/users.service';
import { Role } from './identity/user.types';
import { RealmResolver } from './identity/realm-resolver.service';
import { RealmsRepository } from './identity/realms.repository';
import { RealmsService } from './realms/realms.service';

/**
 * On an empty database: creates the default realm on the root domain and its owner, writes the
 * owner's .zuliprc under DATA_DIR and returns the lines to print once. Later starts change nothing.
 */
export async function firstStart(
  app: INestApplication,
  config: AppConfig,
): Promise<string[] | null> {
  const realms = app.get(RealmsRepository);
  if ((await realms.list()).length > 0) return null;
  const realm = await app.get(RealmsService).createRealm('', config.firstStart.realmName);
  const email =
    config.firstStart.ownerEmail ??
    `owner@${config.rootDomain.includes('.') ? config.rootDomain : 'example.com'}`;
  const password = randomBytes(15).toString('base64url');
  const owner = await app.get(UsersService).createUser(realm, {
    email,
    fullName: 'Owner',
    password,
    role: Role.Owner,
    trustedPassword: true,
  });
  const site = app.get(RealmResolver).realmUrl(realm);
  const zuliprc = path.join(config.dataDir, 'owner.zuliprc');
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(zuliprc, `[api]\nemail=${owner.email}\nkey=${owner.api_key}\nsite=${site}\n`, {
    mode: 0o600,
  });
  return [
    `Created the organization "${realm.name}" at ${site}`,
    `Log in as ${owner.email} with password ${password} (shown only this once)`,
    `The owner's API configuration is in ${zuliprc}`,
  ];
}
