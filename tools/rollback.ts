import { Command } from 'commander';
import { layoutFrom, logLine, run, seconds } from './deploy/cli';
import { rollback } from './deploy/upgrade';

/** `tools/rollback --root DIR`: back to the previous deployment, its schema restored. */
const program = new Command('rollback')
  .description(
    'Return to the previous deployment: back up, stop, undo the migrations it does not know, ' +
      'switch, start, wait for /health',
  )
  .option('--root <dir>', 'the installation folder (default: DEPLOY_ROOT)')
  .option(
    '--health-timeout <seconds>',
    'how long the previous deployment may take to be ready',
    '120',
  )
  .option('--skip-backup', 'do not back up first')
  .option('--json', 'print the result as JSON on the last line')
  .action((o: { root?: string; healthTimeout: string; skipBackup?: boolean; json?: boolean }) =>
    run(async () => {
      const result = await rollback(layoutFrom(o.root), {
        healthTimeoutSeconds: seconds(o.healthTimeout),
        skipBackup: o.skipBackup,
        log: logLine,
      });
      logLine(`Downtime: ${result.downtimeSeconds.toFixed(2)} s`);
      if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    }),
  );

program.parse(process.argv);
