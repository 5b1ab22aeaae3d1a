import * as path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { RealmExportService } from '../../realm-export/realm-export.service';
import { RealmImportService } from '../../realm-export/realm-import.service';
import type { TableCounts } from '../../realm-export/realm-export.types';

function countLines(counts: TableCounts): string[] {
  const width = Math.max(...Object.keys(counts).map((t) => t.length));
  return Object.entries(counts).map(([table, n]) => `  ${table.padEnd(width)}  ${n}`);
}

/** Moving a realm between servers (or subdomains): one JSON file, optionally gzipped. */
export function registerExportCommands(program: Command, ctx: CliContext): void {
  program
    .command('export-realm')
    .description(
      'Write a realm (users, streams, public messages, uploaded files...) to one JSON file, ' +
        'mode 0600, gzipped when FILE ends in .gz. Direct and private-stream messages go only ' +
        'when everyone in them allowed it (allow_private_data_export); passwords, API keys and ' +
        'sessions never do (`manage backup` is the full copy)',
    )
    .requiredOption('--output <file>', 'the file to write (.json or .json.gz)')
    .option('--realm <subdomain>', 'the realm (default: the root-domain realm)')
    .option('--json', 'machine-readable output')
    .action(async (o: { output: string; realm?: string; json?: boolean }) => {
      const realm = await ctx.realm(o.realm);
      const file = path.resolve(o.output);
      const result = await (await ctx.get(RealmExportService)).exportRealm(realm, file);
      ctx.print(!!o.json, result, [
        `Exported realm "${realm.name}" (${realm.string_id || 'root domain'}) to ${file}`,
        ...countLines(result.counts),
        `  uploaded files: ${result.uploads}` +
          (result.missing_uploads ? ` (${result.missing_uploads} missing on disk)` : ''),
      ]);
    });

  program
    .command('import-realm')
    .description(
      'Create a new realm from an export-realm file (plain or gzipped), in one transaction',
    )
    .requiredOption('--input <file>', 'the export file')
    .requiredOption('--subdomain <subdomain>', 'the new realm subdomain (must not exist yet)')
    .option('--name <name>', 'a new organization name (default: the exported one)')
    .option('--json', 'machine-readable output')
    .action(async (o: { input: string; subdomain: string; name?: string; json?: boolean }) => {
      const result = await (
        await ctx.get(RealmImportService)
      ).importRealm(path.resolve(o.input), o.subdomain, o.name);
      ctx.print(!!o.json, result, [
        `Imported realm "${result.realm.name}" (id ${result.realm.id}) at subdomain ` +
          `"${result.realm.subdomain}"`,
        ...countLines(result.counts),
        `  uploaded files: ${result.uploads}`,
        `  API keys regenerated (already in use on this server): ${result.api_keys_regenerated}`,
      ]);
    });
}
