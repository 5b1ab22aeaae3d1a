import { Command } from 'commander';
import { layoutFrom, logLine, run, seconds } from './deploy/cli';
import { upgrade } from './deploy/upgrade';

/** `tools/upgrade RELEASE.tar.gz --root DIR`: install or upgrade, rolling back on any failure. */
const program = new Command('upgrade')
  .description(
    'Install a release archive (npm run release) into an installation folder: back up, stop, ' +
      'migrate, switch, start, wait for /health; on any failure roll back by itself',
  )
  .argument('<release>', 'zulip-hub-<version>.tar.gz')
  .option('--root <dir>', 'the installation folder (default: DEPLOY_ROOT)')
  .option('--health-timeout <seconds>', 'how long the new deployment may take to be ready', '120')
  .option('--node-modules <dir>', 'use these dependencies instead of installing them')
  .option('--skip-backup', 'do not back up first (the rollback then relies on migrations alone)')
  .option('--json', 'print the result as JSON on the last line')
  .action(
    (
      release: string,
      o: {
        root?: string;
        healthTimeout: string;
        nodeModules?: string;
        skipBackup?: boolean;
        json?: boolean;
      },
    ) =>
      run(async () => {
        const result = await upgrade(layoutFrom(o.root), release, {
          healthTimeoutSeconds: seconds(o.healthTimeout),
          nodeModules: o.nodeModules,
          skipBackup: o.skipBackup,
          log: logLine,
        });
        logLine(`Downtime: ${result.downtimeSeconds.toFixed(2)} s`);
        if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      }),
  );

program.parse(process.argv);
