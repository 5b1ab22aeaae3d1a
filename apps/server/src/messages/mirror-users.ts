import { Injectable } from '@nestjs/common';
import { UsersRepository } from '../identity/users.repository';
import { UsersService } from '../users/users.service';
import type { User } from '../identity/user.types';

/** "nick (IRC)" / "name (XMPP)": how Zulip names the users a mirror creates. */
export function mirrorDummyName(email: string, client: string): string {
  const local = email.split('@')[0] || email;
  if (client === 'irc_mirror') return `${local} (IRC)`;
  if (client === 'jabber_mirror' || client === 'JabberMirror') return `${local} (XMPP)`;
  if (client === 'slack_mirror') return `${local} (Slack)`;
  return local.toLowerCase();
}

/** Finds the users behind mirrored addresses, creating inactive "mirror dummy" users as needed. */
@Injectable()
export class MirrorUsers {
  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
  ) {}

  async findOrCreate(realmId: number, emails: string[], client: string): Promise<User[]> {
    const wanted = emails.map((e) => this.usersService.validateEmail(e));
    const found = await this.users.findManyByEmails(realmId, wanted);
    const byEmail = new Map(found.map((u) => [u.email.toLowerCase(), u]));
    const result: User[] = [];
    for (const email of wanted) {
      let user = byEmail.get(email.toLowerCase());
      if (!user) {
        user = await this.usersService.insertWithDefaults({
          realm_id: realmId,
          email,
          full_name: mirrorDummyName(email, client).slice(0, 100),
          is_mirror_dummy: true,
          is_active: false,
          password_hash: null,
        });
        byEmail.set(email.toLowerCase(), user);
      }
      result.push(user);
    }
    return result;
  }
}
