import type { Command } from 'commander';
import { CliContext, CliError } from '../cli-context';
import { LinkifiersService } from '../../linkifiers/linkifiers.service';
import { StreamsService } from '../../streams/streams.service';

/** Realm-wide stream settings: default streams and linkifiers. */
export function registerStreamCommands(program: Command, ctx: CliContext): void {
  program
    .command('set-default-streams')
    .description('Replace the streams every new user is subscribed to')
    .requiredOption('--streams <names>', 'comma-separated stream names (existing public streams)')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(async (o: { streams: string; realm?: string; json?: boolean }) => {
      const names = o.streams
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      const realm = await ctx.realm(o.realm);
      const streams = await (await ctx.get(StreamsService)).setDefaultStreams(realm, names);
      ctx.print(
        !!o.json,
        streams.map((s) => ({ stream_id: s.id, name: s.name })),
        `Default streams: ${streams.map((s) => s.name).join(', ') || '(none)'}`,
      );
    });

  program
    .command('realm-filters')
    .description(
      'List, add or remove linkifiers (patterns such as #(?P<id>[0-9]+) that become links)',
    )
    .option('--list', 'list the linkifiers (the default)')
    .option(
      '--add <pattern_and_url...>',
      'add: PATTERN URL_TEMPLATE, e.g. "T(?P<id>[0-9]+)" "https://tracker.example.com/T{id}"',
    )
    .option('--remove <id>', 'remove the linkifier with this id')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(
      async (o: {
        list?: boolean;
        add?: string[];
        remove?: string;
        realm?: string;
        json?: boolean;
      }) => {
        const realm = await ctx.realm(o.realm);
        const linkifiers = await ctx.get(LinkifiersService);
        if (o.add) {
          if (o.add.length !== 2)
            throw new CliError('--add takes two values: PATTERN URL_TEMPLATE');
          const created = await linkifiers.add(realm.id, o.add[0], o.add[1]);
          ctx.print(!!o.json, { id: created.id }, `Added linkifier ${created.id}`);
          return;
        }
        if (o.remove !== undefined) {
          if (!/^\d+$/.test(o.remove))
            throw new CliError(`--remove takes a linkifier id, not "${o.remove}"`);
          await linkifiers.remove(realm.id, Number(o.remove));
          ctx.print(!!o.json, { removed: Number(o.remove) }, `Removed linkifier ${o.remove}`);
          return;
        }
        const rows = await linkifiers.list(realm.id);
        ctx.print(
          !!o.json,
          rows.map((r) => ({ id: r.id, pattern: r.pattern, url_template: r.url_template })),
          rows.length
            ? rows.map((r) => `${r.id}\t${r.pattern}\t${r.url_template}`)
            : 'No linkifiers.',
        );
      },
    );
}
