import * as fs from 'node:fs';
import type { Command } from 'commander';
import { CliContext, CliError } from '../cli-context';
import { BotsService } from '../../bots/bots.service';
import { UsersService } from '../../users/users.service';
import { BotType } from '../../identity/user.types';

const BOT_TYPES: Record<string, BotType> = {
  generic: BotType.Generic,
  incoming: BotType.IncomingWebhook,
  'incoming-webhook': BotType.IncomingWebhook,
  outgoing: BotType.OutgoingWebhook,
  'outgoing-webhook': BotType.OutgoingWebhook,
  embedded: BotType.Embedded,
};

interface RealmOption {
  realm?: string;
  json?: boolean;
}

/** Commands that change one account: email, activation, API key, permissions, bots. */
export function registerAccountCommands(program: Command, ctx: CliContext): void {
  program
    .command('change-user-email')
    .description("Change a user's email address (their login)")
    .argument('<old-email>')
    .argument('<new-email>')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(async (oldEmail: string, newEmail: string, o: RealmOption) => {
      const user = await ctx.user(await ctx.realm(o.realm), oldEmail);
      const updated = await (await ctx.get(UsersService)).changeEmail(user, newEmail);
      ctx.print(
        !!o.json,
        { user_id: updated.id, email: updated.email },
        `${oldEmail} is now ${updated.email}`,
      );
    });

  program
    .command('deactivate-user')
    .description('Deactivate a user (and the bots they own); their API keys stop working')
    .argument('<email>')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(async (email: string, o: RealmOption) => {
      const user = await ctx.user(await ctx.realm(o.realm), email);
      await (await ctx.get(UsersService)).deactivate(null, user);
      ctx.print(!!o.json, { user_id: user.id, is_active: false }, `Deactivated ${user.email}`);
    });

  program
    .command('reactivate-user')
    .description('Reactivate a deactivated user or bot')
    .argument('<email>')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(async (email: string, o: RealmOption) => {
      const user = await ctx.user(await ctx.realm(o.realm), email);
      await (await ctx.get(UsersService)).reactivate(null, user);
      ctx.print(!!o.json, { user_id: user.id, is_active: true }, `Reactivated ${user.email}`);
    });

  program
    .command('rotate-api-key')
    .description("Replace a user's API key; the old key stops working at once")
    .argument('<email>')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(async (email: string, o: RealmOption) => {
      const user = await ctx.user(await ctx.realm(o.realm), email);
      const apiKey = await (await ctx.get(UsersService)).regenerateApiKey(user);
      ctx.print(
        !!o.json,
        { user_id: user.id, api_key: apiKey },
        `New API key for ${user.email}: ${apiKey}`,
      );
    });

  program
    .command('knight')
    .description('Grant (or with --revoke, remove) administrator or API-super-user permission')
    .argument('<email>')
    .requiredOption('--permission <permission>', 'administer | api_super_user')
    .option('--revoke', 'remove the permission instead of granting it')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(async (email: string, o: RealmOption & { permission: string; revoke?: boolean }) => {
      if (o.permission !== 'administer' && o.permission !== 'api_super_user') {
        throw new CliError(
          `--permission must be administer or api_super_user, not "${o.permission}"`,
        );
      }
      const user = await ctx.user(await ctx.realm(o.realm), email);
      const updated = await (
        await ctx.get(UsersService)
      ).setPermission(null, user, o.permission, !o.revoke);
      ctx.print(
        !!o.json,
        {
          user_id: updated.id,
          permission: o.permission,
          granted: !o.revoke,
          role: updated.role,
          is_api_super_user: updated.is_api_super_user,
        },
        `${o.revoke ? 'Revoked' : 'Granted'} ${o.permission} ${o.revoke ? 'from' : 'to'} ${updated.email}`,
      );
    });

  program
    .command('create-bot')
    .description('Create a bot owned by a user and print (or write) its .zuliprc')
    .requiredOption('--owner <email>', 'the bot owner')
    .requiredOption('--full-name <name>', 'the bot name shown in chat')
    .requiredOption('--short-name <name>', 'the bot email becomes <short-name>-bot@<realm host>')
    .option('--type <type>', 'generic | incoming-webhook | outgoing-webhook | embedded', 'generic')
    .option('--payload-url <url>', 'outgoing-webhook bots: where the server POSTs')
    .option('--service <name>', 'embedded bots: which bundled bot runs')
    .option('--output <file>', 'write the .zuliprc to this file (mode 600) instead of printing it')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(
      async (
        o: RealmOption & {
          owner: string;
          fullName: string;
          shortName: string;
          type: string;
          payloadUrl?: string;
          service?: string;
          output?: string;
        },
      ) => {
        const botType = BOT_TYPES[o.type.toLowerCase()];
        if (!botType)
          throw new CliError(
            `--type must be generic, incoming-webhook, outgoing-webhook or embedded, not "${o.type}"`,
          );
        const realm = await ctx.realm(o.realm);
        const owner = await ctx.user(realm, o.owner);
        const bots = await ctx.get(BotsService);
        const bot = await bots.create(owner, realm, {
          fullName: o.fullName,
          shortName: o.shortName,
          botType,
          payloadUrl: o.payloadUrl,
          serviceName: o.service,
        });
        const zuliprc = await bots.zuliprcFor(bot, realm);
        if (o.output) fs.writeFileSync(o.output, zuliprc, { mode: 0o600 });
        ctx.print(
          !!o.json,
          {
            user_id: bot.id,
            email: bot.email,
            api_key: bot.api_key,
            zuliprc,
            written_to: o.output ?? null,
          },
          o.output ? `Created bot ${bot.email}; its .zuliprc is in ${o.output}` : zuliprc.trimEnd(),
        );
      },
    );
}
