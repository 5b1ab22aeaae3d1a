import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `npm run bench [-- name... --option value]`: runs each `bench/*.bench.ts` scenario (compiled),
 * or the named ones, in its own process, one after another so they do not disturb each other, and
 * stops with the first failure's status. Options (`--runs 3`, `--profile FILE`) go to each.
 */
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const wanted = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const scenarios = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f === `${w}.bench.js`))
  .sort();
if (scenarios.length === 0) {
  process.stderr.write(`No benchmark matches ${wanted.join(', ')}\n`);
  process.exit(1);
}
for (const file of scenarios) {
  process.stdout.write(`\n## ${file.replace(/\.bench\.js$/, '')}\n`);
  const result = spawnSync(process.execPath, [path.join(__dirname, file), ...options], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
