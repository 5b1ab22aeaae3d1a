import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { readTar, TarWriter } from '../../apps/server/src/backup/tar';

/** The manifest every release archive starts with. */
export const RELEASE_MANIFEST = 'release.json';
export const RELEASE_FORMAT = 'zulip-hub-release';

export interface ReleaseManifest {
  format: typeof RELEASE_FORMAT;
  format_version: 1;
  /** The deployment's folder name under `deployments/`: letters, digits, `.`, `_`, `+`, `-`. */
  version: string;
  commit: string;
  /** The tree had changes not committed when it was built. */
  dirty: boolean;
  built_at: string;
  node: string;
  /** Every migration the release knows, oldest first. */
  migrations: string[];
  /** SHA-256 of package-lock.json: deployments with the same one can share node_modules. */
  lock_sha256: string;
}

export class ReleaseError extends Error {}

const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/;

export function checkVersion(version: string): string {
  if (!VERSION.test(version))
    throw new ReleaseError(
      `A release version is letters, digits, ".", "_", "+", "-": "${version}"`,
    );
  return version;
}

function filesUnder(root: string, relative = ''): string[] {
  return fs
    .readdirSync(path.join(root, relative), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(root, rel) : entry.isFile() ? [rel] : [];
    })
    .sort();
}

/** Writes `dir`'s files behind the manifest into a .tar.gz, which appears only once complete. */
export async function writeReleaseArchive(
  dir: string,
  manifest: ReleaseManifest,
  output: string,
): Promise<void> {
  const partial = `${output}.partial`;
  const gzip = zlib.createGzip();
  const written = pipeline(gzip, fs.createWriteStream(partial));
  const tar = new TarWriter(gzip);
  try {
    await tar.addBuffer(RELEASE_MANIFEST, Buffer.from(JSON.stringify(manifest, null, 1)));
    for (const rel of filesUnder(dir)) {
      const stat = fs.statSync(path.join(dir, rel));
      await tar.addFile(rel, path.join(dir, rel), stat.size, stat.mtimeMs / 1000);
    }
    await tar.finish();
    gzip.end();
    await written;
    fs.renameSync(partial, output);
  } catch (err) {
    gzip.destroy(err as Error);
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

function checkManifest(value: unknown, file: string): ReleaseManifest {
  const m = value as Partial<ReleaseManifest> | null;
  if (
    !m ||
    m.format !== RELEASE_FORMAT ||
    m.format_version !== 1 ||
    typeof m.version !== 'string' ||
    !Array.isArray(m.migrations)
  ) {
    throw new ReleaseError(
      `${file} is not a Zulip Hub release (its ${RELEASE_MANIFEST} is not one)`,
    );
  }
  checkVersion(m.version);
  return m as ReleaseManifest;
}

/** A relative path that stays inside the folder it is unpacked into. */
function safeName(name: string): string {
  const normal = path.posix.normalize(name);
  if (path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../') || !normal)
    throw new ReleaseError(`The release holds a path outside its folder: "${name}"`);
  return normal;
}

/**
 * Reads a release archive: its manifest, and with `into` every file unpacked there. Throws a
 * ReleaseError when the archive is damaged or not a release.
 */
export async function readReleaseArchive(file: string, into?: string): Promise<ReleaseManifest> {
  let manifest: ReleaseManifest | undefined;
  try {
    await readTar(fs.createReadStream(file).pipe(zlib.createGunzip()), (entry) => {
      const name = safeName(entry.name);
      if (name === RELEASE_MANIFEST) {
        const chunks: Buffer[] = [];
        return {
          write: (chunk) => void chunks.push(chunk),
          end: () => {
            manifest = checkManifest(JSON.parse(Buffer.concat(chunks).toString('utf8')), file);
          },
        };
      }
      if (!manifest) throw new ReleaseError(`${file} does not start with ${RELEASE_MANIFEST}`);
      if (!into) return null;
      const target = path.join(into, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const fd = fs.openSync(target, 'w');
      return {
        write: (chunk) => void fs.writeSync(fd, chunk),
        end: () => fs.closeSync(fd),
      };
    });
  } catch (err) {
    if (err instanceof ReleaseError) throw err;
    throw new ReleaseError(`Cannot read the release ${file}: ${(err as Error).message}`);
  }
  if (!manifest) throw new ReleaseError(`${file} holds no ${RELEASE_MANIFEST}`);
  if (into) fs.writeFileSync(path.join(into, RELEASE_MANIFEST), JSON.stringify(manifest, null, 1));
  return manifest;
}
