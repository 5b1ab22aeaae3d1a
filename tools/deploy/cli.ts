import * as path from 'node:path';
import { DeployLayout } from './layout';
import { ReleaseError } from './release-archive';

/** `--root`, else DEPLOY_ROOT: the installation folder (see layout.ts). */
export function layoutFrom(root: string | undefined): DeployLayout {
  const dir = root ?? process.env.DEPLOY_ROOT;
  if (!dir) throw new ReleaseError('Give the installation folder: --root DIR (or DEPLOY_ROOT)');
  return new DeployLayout(path.resolve(dir));
}

export function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ReleaseError(`Expected seconds, got "${value}"`);
  return n;
}

export const logLine = (line: string) =>
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** One line on stderr and exit 1 for expected failures; 2 when nothing serves afterwards. */
export function run(work: () => Promise<void>): void {
  work().catch((err: Error & { restored?: boolean }) => {
    process.stderr.write(`${err instanceof ReleaseError ? '' : 'Error: '}${err.message}\n`);
    process.exit(err.restored === false ? 2 : 1);
  });
}
