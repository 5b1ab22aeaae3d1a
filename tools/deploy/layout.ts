import * as fs from 'node:fs';
import * as path from 'node:path';
import { RELEASE_MANIFEST, ReleaseError, ReleaseManifest } from './release-archive';

/**
 * An installation's folder (the deployment contract):
 *
 *   settings.env            settings and secrets, KEY=VALUE lines; the service's environment
 *   var/                    DATA_DIR unless settings.env says otherwise (relative paths start here)
 *   deployments/<version>/  unpacked releases
 *   current, previous       links to the running deployment and the one before it
 *   run/zulip-hub.pid       the running service's process id (a process group: server + gateway)
 *   log/service.log         the service's stdout and stderr
 *
 * Nothing outside `deployments/` belongs to a release, so upgrades and rollbacks keep it.
 */
export class DeployLayout {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  get deployments(): string {
    return path.join(this.root, 'deployments');
  }
  get settingsFile(): string {
    return path.join(this.root, 'settings.env');
  }
  get pidFile(): string {
    return path.join(this.root, 'run', 'zulip-hub.pid');
  }
  get logFile(): string {
    return path.join(this.root, 'log', 'service.log');
  }

  deployment(version: string): string {
    return path.join(this.deployments, version);
  }

  /** The deployment a link (`current`, `previous`) points at, or null. */
  linked(link: 'current' | 'previous'): string | null {
    try {
      return path.resolve(this.root, fs.readlinkSync(path.join(this.root, link)));
    } catch {
      return null;
    }
  }

  /** Points the link at `target` (or removes it) in one rename, so it is never missing. */
  setLink(link: 'current' | 'previous', target: string | null): void {
    const file = path.join(this.root, link);
    if (target === null) {
      fs.rmSync(file, { force: true });
      return;
    }
    const temporary = `${file}.new`;
    fs.rmSync(temporary, { force: true });
    fs.symlinkSync(path.relative(this.root, target), temporary);
    fs.renameSync(temporary, file);
  }

  /** The settings the service and the management commands run with. */
  settings(): Record<string, string> {
    if (!fs.existsSync(this.settingsFile)) return {};
    return parseSettings(fs.readFileSync(this.settingsFile, 'utf8'), this.settingsFile);
  }
}

export function readDeploymentManifest(dir: string): ReleaseManifest {
  const file = path.join(dir, RELEASE_MANIFEST);
  if (!fs.existsSync(file))
    throw new ReleaseError(`${dir} is not a deployment (no ${RELEASE_MANIFEST})`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ReleaseManifest;
}

/** `KEY=VALUE` lines; `#` comments, blank lines, optional `export ` and quotes around values. */
export function parseSettings(text: string, file: string): Record<string, string> {
  const settings: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new ReleaseError(`${file}:${index + 1}: expected KEY=VALUE, got "${line}"`);
    const value = match[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    settings[match[1]] = quoted ? quoted[2] : value;
  });
  return settings;
}
