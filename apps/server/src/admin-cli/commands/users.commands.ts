import type { Command } from 'commander';
import { CliContext, CliError } from '../cli-context';
import { UsersRepository } from '../../identity/users.repository';
import { UsersService } from '../../users/users.service';
import { ROLE_NAMES, Role } from '../../identity/user.types';

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Owner]: 'owner',
  [Role.Administrator]: 'admin',
  [Role.Moderator]: 'moderator',
  [Role.Member]: 'member',
  [Role.Guest]: 'guest',
};

function parseRole(value: string): Role {
  const role = ROLE_NAMES[value.toLowerCase()];
  if (!role)
    throw new CliError(`--role must be owner, admin, moderator, member or guest, not "${value}"`);
  return role;
}

export function registerUserCommands(program: Command, ctx: CliContext): void {
  program
    .command('create-user')
    .description('Create a user account')
    .requiredOption('--email <email>', 'the login email')
    .requiredOption('--full-name <name>', 'the full name')
    .option(
      '--password <password>',
      'the password (checked for strength); omit for no password login',
    )
    .option('--role <role>', 'owner | admin | moderator | member | guest', 'member')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(
      async (o: {
        email: string;
        fullName: string;
        password?: string;
        role: string;
        realm?: string;
        json?: boolean;
      }) => {
        const role = parseRole(o.role);
        const realm = await ctx.realm(o.realm);
        const user = await (
          await ctx.get(UsersService)
        ).createUser(realm, {
          email: o.email,
          fullName: o.fullName,
          password: o.password,
          role,
        });
        ctx.print(
          !!o.json,
          {
            user_id: user.id,
            email: user.email,
            full_name: user.full_name,
            role: ROLE_LABELS[user.role],
            api_key: user.api_key,
          },
          `Created ${ROLE_LABELS[user.role]} ${user.email} (id ${user.id})`,
        );
      },
    );

  program
    .command('list-users')
    .description('List the users of a realm')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--all', 'include deactivated users')
    .option('--json', 'machine-readable output')
    .action(async (o: { realm?: string; all?: boolean; json?: boolean }) => {
      const realm = await ctx.realm(o.realm);
      const users = await (
        await ctx.get(UsersRepository)
      ).listInRealm(realm.id, { includeInactive: !!o.all });
      const rows = users.map((u) => ({
        user_id: u.id,
        email: u.email,
        full_name: u.full_name,
        role: ROLE_LABELS[u.role],
        is_bot: u.is_bot,
        is_active: u.is_active,
        is_api_super_user: u.is_api_super_user,
      }));
      ctx.print(
        !!o.json,
        rows,
        rows.map(
          (u) =>
            `${u.user_id}\t${u.email}\t${u.full_name}\t${u.role}${u.is_bot ? '\tbot' : ''}${u.is_api_super_user ? '\tapi_super_user' : ''}${u.is_active ? '' : '\t(deactivated)'}`,
        ),
      );
    });
}
