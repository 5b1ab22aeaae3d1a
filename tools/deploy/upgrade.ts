import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DeployLayout, readDeploymentManifest } from './layout';
import { readReleaseArchive, ReleaseError, ReleaseManifest } from './release-archive';
import { Service } from './service';
import { SetAside, setAside } from './set-aside';

export interface UpgradeOptions {
  /** Seconds the new deployment has to answer `/health` as ready. */
  healthTimeoutSeconds: number;
  /** Link every deployment's node_modules to this folder instead of installing dependencies. */
  nodeModules?: string;
  skipBackup?: boolean;
  log: (line: string) => void;
}

export interface UpgradeResult {
  from: string | null;
  to: string;
  /** Seconds from stopping the old deployment until the new one answered ready. */
  downtimeSeconds: number;
  backup: string | null;
}

/** A failed upgrade or rollback; `restored` says the old deployment is serving again. */
export class DeployFailed extends ReleaseError {
  constructor(
    message: string,
    readonly restored: boolean,
  ) {
    super(message);
  }
}

const elapsed = (since: number) => (performance.now() - since) / 1000;

/**
 * Installs or upgrades to a release: unpack into `deployments/<version>`, back up while the old
 * deployment still serves, stop it, migrate, switch `current`, start, wait for `/health`. Any
 * failure after the stop rolls back by itself and throws DeployFailed: the old links, the old
 * schema (a failed migration: the applied ones' `down`; a new version that ran but never became
 * healthy: the pre-upgrade backup restored, the failed state kept aside), the old deployment
 * started again.
 */
export async function upgrade(
  layout: DeployLayout,
  releaseFile: string,
  options: UpgradeOptions,
): Promise<UpgradeResult> {
  const { log } = options;
  const service = new Service(layout);
  const manifest = await readReleaseArchive(releaseFile);
  const oldDir = layout.linked('current');
  const target = layout.deployment(manifest.version);
  if (oldDir === target)
    throw new ReleaseError(`${manifest.version} is already the current deployment`);
  const old = oldDir ? readDeploymentManifest(oldDir) : null;
  log(`Upgrading ${old ? old.version : '(nothing installed)'} → ${manifest.version}`);

  await unpack(layout, releaseFile, manifest, target, log);
  linkNodeModules(target, manifest, oldDir, options.nodeModules, log);
  const backup = oldDir && !options.skipBackup ? takeBackup(service, oldDir, log) : null;

  const previousBefore = layout.linked('previous');
  const stopped = performance.now();
  log('Stopping the service');
  await service.stop();
  log(`Stopped (${elapsed(stopped).toFixed(1)} s)`);
  /**
   * Back to the old deployment. Its schema comes back from the pre-upgrade backup when the new
   * version ran (it may have changed data no `down` undoes), else from the new migrations' `down`;
   * each way is the fallback of the other.
   */
  const restoreOld = async (why: string, newVersionRan: boolean): Promise<never> => {
    log(`Failed: ${why}`);
    if (!oldDir || !old) throw new DeployFailed(`${why}; nothing was installed before`, false);
    layout.setLink('current', oldDir);
    layout.setLink('previous', previousBefore);
    const restore = () => restoreFromBackup(service, oldDir, backup, log);
    const revert = () => revertTo(service, target, old, log);
    let fromBackup: string[] | null = null;
    let schemaBack: boolean;
    if (newVersionRan) {
      fromBackup = await restore();
      schemaBack = fromBackup !== null || revert();
    } else {
      schemaBack = revert();
      if (!schemaBack) {
        fromBackup = await restore();
        schemaBack = fromBackup !== null;
      }
    }
    const restored = schemaBack && (await startAndWait(service, oldDir, options, log));
    const how = fromBackup
      ? `, its data restored from the backup ${backup} (the failed upgrade's data is kept: ${
          fromBackup.join(', ') || 'there was none'
        })`
      : backup
        ? `; the backup taken before is ${backup}`
        : '';
    throw new DeployFailed(
      restored
        ? `${why}. Rolled back: ${old.version} is serving again${how}`
        : `${why}. The rollback did not complete: restore ${backup ?? 'a backup'} and start ${old.version}`,
      restored,
    );
  };

  log('Applying migrations');
  const migrating = performance.now();
  const migrated = service.manage(target, ['migrate']);
  if (!migrated.ok) return restoreOld(`migration failed: ${lastLine(migrated.stderr)}`, false);
  log(`Migrations applied (${elapsed(migrating).toFixed(1)} s)`);

  if (oldDir) layout.setLink('previous', oldDir);
  layout.setLink('current', target);
  try {
    log(`Starting ${manifest.version}`);
    service.start(target);
    await service.waitHealthy(options.healthTimeoutSeconds * 1000);
  } catch (err) {
    await service.stop();
    return restoreOld(`the new deployment did not become healthy: ${(err as Error).message}`, true);
  }
  const downtimeSeconds = elapsed(stopped);
  log(`${manifest.version} is serving; downtime ${downtimeSeconds.toFixed(1)} s`);
  return { from: old?.version ?? null, to: manifest.version, downtimeSeconds, backup };
}

/**
 * Returns to the `previous` deployment: back up, stop, undo the migrations the previous release
 * does not know (with the current release's `down`), swap the links, start, wait for `/health`.
 * A failure starts the current deployment again, with the backup restored when the previous
 * version ran (else its schema put back by migrations). Run twice, it goes forward again (the previous
 * release is then the newer one, and its migrations are applied).
 */
export async function rollback(
  layout: DeployLayout,
  options: Omit<UpgradeOptions, 'nodeModules'>,
): Promise<UpgradeResult> {
  const { log } = options;
  const service = new Service(layout);
  const currentDir = layout.linked('current');
  const previousDir = layout.linked('previous');
  if (!currentDir || !previousDir || !fs.existsSync(previousDir))
    throw new ReleaseError('There is no previous deployment to return to');
  const current = readDeploymentManifest(currentDir);
  const previous = readDeploymentManifest(previousDir);
  log(`Rolling back ${current.version} → ${previous.version}`);
  const backup = options.skipBackup ? null : takeBackup(service, currentDir, log);

  const stopped = performance.now();
  log('Stopping the service');
  await service.stop();
  log(`Stopped (${elapsed(stopped).toFixed(1)} s)`);
  // After a rollback, `previous` is the newer release: going there applies its migrations.
  const forward =
    previous.migrations.length > current.migrations.length &&
    current.migrations.every((name) => previous.migrations.includes(name));
  /** Back to the current deployment; with its backup restored when the previous one ran. */
  const restart = async (why: string, previousRan = false): Promise<never> => {
    log(`Failed: ${why}`);
    layout.setLink('current', currentDir);
    layout.setLink('previous', previousDir);
    const fromBackup = previousRan
      ? await restoreFromBackup(service, currentDir, backup, log)
      : null;
    // Else the schema back to the current release's: undo the newer one's, or re-apply our own.
    if (fromBackup === null) {
      if (forward) revertTo(service, previousDir, current, log);
      else service.manage(currentDir, ['migrate']);
    }
    const restored = await startAndWait(service, currentDir, options, log);
    const how = fromBackup
      ? `, its data restored from the backup ${backup} (the failed rollback's data is kept: ${
          fromBackup.join(', ') || 'there was none'
        })`
      : '';
    throw new DeployFailed(
      `${why}. ${restored ? `${current.version} is serving again${how}` : `Nothing is serving: restore ${backup ?? 'a backup'}`}`,
      restored,
    );
  };
  if (forward) {
    log(`Applying the migrations of ${previous.version}`);
    const migrated = service.manage(previousDir, ['migrate']);
    if (!migrated.ok) return restart(`migration failed: ${lastLine(migrated.stderr)}`);
  } else if (!revertTo(service, currentDir, previous, log)) {
    return restart('undoing the newer migrations failed');
  }
  layout.setLink('current', previousDir);
  layout.setLink('previous', currentDir);
  try {
    service.start(previousDir);
    await service.waitHealthy(options.healthTimeoutSeconds * 1000);
  } catch (err) {
    await service.stop();
    return restart(`${previous.version} did not become healthy: ${(err as Error).message}`, true);
  }
  const downtimeSeconds = elapsed(stopped);
  log(`${previous.version} is serving; downtime ${downtimeSeconds.toFixed(1)} s`);
  return { from: current.version, to: previous.version, downtimeSeconds, backup };
}

async function unpack(
  layout: DeployLayout,
  releaseFile: string,
  manifest: ReleaseManifest,
  target: string,
  log: (line: string) => void,
): Promise<void> {
  if (fs.existsSync(target)) {
    const there = readDeploymentManifest(target);
    if (there.commit === manifest.commit && there.built_at === manifest.built_at) {
      log(`Reusing ${target} (unpacked before)`);
      return;
    }
    throw new ReleaseError(`${target} holds another build of ${manifest.version}; remove it first`);
  }
  fs.mkdirSync(layout.deployments, { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  log(`Unpacking into ${target}`);
  await readReleaseArchive(releaseFile, partial);
  fs.renameSync(partial, target);
}

/**
 * Dependencies: the given folder; else those of the current deployment when its lock file is the
 * same; else `npm ci --omit=dev` in the deployment.
 */
function linkNodeModules(
  target: string,
  manifest: ReleaseManifest,
  oldDir: string | null,
  given: string | undefined,
  log: (line: string) => void,
): void {
  const link = path.join(target, 'node_modules');
  if (fs.existsSync(link)) return;
  const oldModules = oldDir ? path.join(oldDir, 'node_modules') : null;
  const reuse =
    given ??
    (oldDir &&
    oldModules &&
    fs.existsSync(oldModules) &&
    readDeploymentManifest(oldDir).lock_sha256 === manifest.lock_sha256
      ? fs.realpathSync(oldModules)
      : undefined);
  if (reuse) {
    fs.symlinkSync(path.resolve(reuse), link);
    return;
  }
  log('Installing dependencies (npm ci --omit=dev)');
  const npm = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
    cwd: target,
    stdio: 'inherit',
  });
  if (npm.status !== 0) throw new ReleaseError('npm ci failed in the new deployment');
}

function takeBackup(service: Service, deployment: string, log: (line: string) => void): string {
  log('Taking a backup (the service keeps running)');
  const result = service.manage(deployment, ['backup', '--json']);
  if (!result.ok) throw new ReleaseError(`The backup failed: ${lastLine(result.stderr)}`);
  const { file } = jsonOutput<{ file: string }>(result.stdout);
  log(`Backup: ${file}`);
  return file;
}

/**
 * Restores `backup` with `deployment`'s `manage restore-backup` (every version has it) after
 * moving the database and uploads aside; returns where they went, or null (the failed state put
 * back) when there is no backup or the restore failed.
 */
async function restoreFromBackup(
  service: Service,
  deployment: string,
  backup: string | null,
  log: (line: string) => void,
): Promise<string[] | null> {
  if (!backup) return null;
  log(`Restoring the backup ${backup}`);
  const suffix = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'z')
    .toLowerCase();
  let aside: SetAside;
  try {
    aside = await setAside(service.config(), suffix);
  } catch (err) {
    log(`Could not move the failed upgrade's data aside: ${(err as Error).message}`);
    return null;
  }
  const restored = service.manage(deployment, ['restore-backup', backup]);
  if (restored.ok) {
    log(`Restored; the failed upgrade's data is kept: ${aside.kept.join(', ') || 'none'}`);
    return aside.kept;
  }
  log(`The restore failed: ${lastLine(restored.stderr)}`);
  await aside.undo().catch((err: Error) => log(`Putting the data back failed: ${err.message}`));
  return null;
}

/** Undoes, with `deployment`'s code, every migration applied after `older`'s newest one. */
function revertTo(
  service: Service,
  deployment: string,
  older: ReleaseManifest,
  log: (line: string) => void,
): boolean {
  const newest = older.migrations[older.migrations.length - 1];
  if (!newest) return true;
  log(`Undoing the migrations applied after ${newest}`);
  const result = service.manage(deployment, ['migrate', '--revert-to', newest, '--json']);
  if (!result.ok) log(`Undoing migrations failed: ${lastLine(result.stderr)}`);
  else {
    const { reverted } = jsonOutput<{ reverted: string[] }>(result.stdout);
    log(`Reverted: ${reverted.length ? reverted.join(', ') : 'nothing'}`);
  }
  return result.ok;
}

async function startAndWait(
  service: Service,
  deployment: string,
  options: Pick<UpgradeOptions, 'healthTimeoutSeconds'>,
  log: (line: string) => void,
): Promise<boolean> {
  try {
    log(`Starting ${path.basename(deployment)}`);
    service.start(deployment);
    await service.waitHealthy(options.healthTimeoutSeconds * 1000);
    return true;
  } catch (err) {
    log(`It did not start: ${(err as Error).message}`);
    return false;
  }
}

/** The one line a failing management command explains itself with (`Error: ...`). */
function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  const reason = lines.filter((line) => /^(Error|Configuration error): /.test(line)).pop();
  return (reason ?? lines[lines.length - 1]) || 'no message';
}

/** The JSON document `manage --json` printed, among any log lines on the same stdout. */
function jsonOutput<T>(stdout: string): T {
  const start = stdout.startsWith('{') ? 0 : stdout.indexOf('\n{\n') + 1;
  const end = stdout.lastIndexOf('\n}') + 2;
  return JSON.parse(stdout.slice(start, end > 1 ? end : undefined)) as T;
}
