import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import {
  checkVersion,
  RELEASE_FORMAT,
  ReleaseError,
  ReleaseManifest,
  writeReleaseArchive,
} from './deploy/release-archive';
import { buildWebClientIfChanged } from './web-client';

/**
 * `npm run release`: a clean build of this tree (server, gateway, integrations, bridges, bots,
 * tools, migrations, the web client) packed as `releases/zulip-hub-<version>.tar.gz` behind a
 * manifest (version, commit, migrations), for `tools/upgrade`.
 */
const root = path.resolve(__dirname, '../..');
const SOURCES = ['apps', 'libs', 'integrations', 'bridges', 'bots', 'tools'];

function git(args: string[]): string | null {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function removeSpecs(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removeSpecs(full);
    else if (/\.spec\.js(\.map)?$/.test(entry.name)) fs.rmSync(full);
  }
}

async function release(options: { version?: string; output: string }): Promise<string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  > & { version: string };
  const commit = git(['rev-parse', 'HEAD']) ?? 'unknown';
  const dirty = (git(['status', '--porcelain', '--untracked-files=no']) ?? '') !== '';
  const version = checkVersion(
    options.version ?? `${pkg.version}-${commit.slice(0, 10)}${dirty ? '-dirty' : ''}`,
  );
  const output = path.resolve(options.output);
  fs.mkdirSync(output, { recursive: true });
  // Inside the tree, so the compiled code finds node_modules when its migrations are listed.
  const staging = fs.mkdtempSync(path.join(output, '.staging-'));
  try {
    const swc = path.join(root, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
    const built = spawnSync(
      process.execPath,
      [swc, ...SOURCES, '-d', path.join(staging, 'dist'), '--copy-files', '--quiet'],
      { cwd: root, stdio: 'inherit' },
    );
    if (built.status !== 0) throw new ReleaseError('The build failed');
    fs.rmSync(path.join(staging, 'dist', 'apps', 'web'), { recursive: true, force: true });
    removeSpecs(path.join(staging, 'dist'));
    buildWebClientIfChanged(root, (line) => process.stdout.write(`${line}\n`));
    fs.cpSync(path.join(root, 'dist', 'web'), path.join(staging, 'dist', 'web'), {
      recursive: true,
    });

    const lock = fs.readFileSync(path.join(root, 'package-lock.json'));
    fs.writeFileSync(path.join(staging, 'package-lock.json'), lock);
    // The release runs what is built: no build steps, no `prepare` on `npm ci`.
    const released = {
      ...pkg,
      version,
      scripts: {
        start: 'node dist/tools/start.js',
        manage: 'node dist/apps/server/src/admin-cli/manage.js',
      },
    };
    fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(released, null, 2));

    const index = path.join(staging, 'dist', 'apps', 'server', 'migrations', 'index.js');
    const { migrations } = (await import(index)) as {
      migrations: Array<new () => { name?: string }>;
    };
    const manifest: ReleaseManifest = {
      format: RELEASE_FORMAT,
      format_version: 1,
      version,
      commit,
      dirty,
      built_at: new Date().toISOString(),
      node: process.version,
      migrations: migrations.map((M) => new M().name ?? M.name),
      lock_sha256: createHash('sha256').update(lock).digest('hex'),
    };
    const file = path.join(output, `zulip-hub-${version}.tar.gz`);
    await writeReleaseArchive(staging, manifest, file);
    return file;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

const program = new Command('release')
  .description('Build a release archive of this tree for tools/upgrade')
  .option('--version <version>', 'the release version (default: package.json version and commit)')
  .option('--output <dir>', 'where to write the archive', path.join(root, 'releases'))
  .action(async (o: { version?: string; output: string }) => {
    const file = await release(o);
    process.stdout.write(`${file}\n`);
  });

program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`${err instanceof ReleaseError ? '' : 'Error: '}${err.message}\n`);
  process.exit(1);
});
