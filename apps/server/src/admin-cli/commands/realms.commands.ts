import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { RealmResolver } from '../../identity/realm-resolver.service';
import { RealmsRepository } from '../../identity/realms.repository';
import { RealmsService } from '../../realms/realms.service';

export function registerRealmCommands(program: Command, ctx: CliContext): void {
  program
    .command('create-realm')
    .description(
      'Create an organization (realm) at <subdomain>.<ROOT_DOMAIN>; "" is the root domain',
    )
    .requiredOption('--subdomain <subdomain>', 'the realm subdomain ("" for the root domain)')
    .requiredOption('--name <name>', 'the organization name')
    .option('--description <text>', 'the organization description', '')
    .option('--json', 'machine-readable output')
    .action(async (o: { subdomain: string; name: string; description: string; json?: boolean }) => {
      const realm = await (
        await ctx.get(RealmsService)
      ).createRealm(o.subdomain, o.name, o.description);
      const url = (await ctx.get(RealmResolver)).realmUrl(realm);
      ctx.print(
        !!o.json,
        { id: realm.id, subdomain: realm.string_id, name: realm.name, url },
        `Created realm "${realm.name}" (id ${realm.id}) at ${url}`,
      );
    });

  program
    .command('list-realms')
    .description('List every realm')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const realms = await (await ctx.get(RealmsRepository)).list();
      const resolver = await ctx.get(RealmResolver);
      const rows = realms.map((r) => ({
        id: r.id,
        subdomain: r.string_id,
        name: r.name,
        url: resolver.realmUrl(r),
        deactivated: r.deactivated,
      }));
      ctx.print(
        !!o.json,
        rows,
        rows.map(
          (r) =>
            `${r.id}\t${r.subdomain || '(root)'}\t${r.name}\t${r.url}${r.deactivated ? '\t(deactivated)' : ''}`,
        ),
      );
    });
}
