import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The web client's sources: what a build of dist/web is made from. */
const WEB_DIR = 'apps/web';
const STAMP = '.source-hash';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    })
    .sort();
}

/** A hash of the client's sources and the locked dependency versions. */
export function webSourceHash(root: string): string {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(path.join(root, WEB_DIR)),
    path.join(root, 'package-lock.json'),
    path.join(root, 'libs/client/src/types.ts'),
  ];
  for (const file of files) {
    if (!fs.existsSync(file) || file.endsWith('.test.ts')) continue;
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function webStampFile(root: string): string {
  return path.join(root, 'dist', 'web', STAMP);
}

/**
 * Builds the client with Vite unless dist/web already holds a build of these very sources, so
 * `npm start` pays for a build only after the client changed.
 */
export function buildWebClientIfChanged(root: string, log: (line: string) => void): void {
  const stamp = webStampFile(root);
  const current = webSourceHash(root);
  const upToDate = () => fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === current;
  if (upToDate()) return;
  // Test suites run side by side: one builds while the others wait for its build.
  const lock = path.join(root, 'dist', '.web-build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`Another web build holds ${lock}; remove it if none runs`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (upToDate()) return;
    log('Building the web client (its sources changed)…');
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(
      process.execPath,
      [
        vite,
        'build',
        '--config',
        path.join(root, WEB_DIR, 'vite.config.mts'),
        '--logLevel',
        'warn',
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      },
    );
    if (result.status !== 0) throw new Error('The web client failed to build');
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
