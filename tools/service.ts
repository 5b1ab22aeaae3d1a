import { Command } from 'commander';
import { layoutFrom, logLine, run, seconds } from './deploy/cli';
import { ReleaseError } from './deploy/release-archive';
import { Service } from './deploy/service';

/** `tools/service start|stop|status --root DIR`: the installation's `current` deployment. */
const program = new Command('service').description(
  "Start, stop or show the installation's current deployment (pid file under run/)",
);
program
  .command('start')
  .option('--root <dir>', 'the installation folder (default: DEPLOY_ROOT)')
  .option('--health-timeout <seconds>', 'how long it may take to be ready', '120')
  .action((o: { root?: string; healthTimeout: string }) =>
    run(async () => {
      const layout = layoutFrom(o.root);
      const current = layout.linked('current');
      if (!current) throw new ReleaseError('Nothing is installed (run tools/upgrade first)');
      const service = new Service(layout);
      logLine(`Started ${current} (pid ${service.start(current)})`);
      await service.waitHealthy(seconds(o.healthTimeout) * 1000);
      logLine('Healthy');
    }),
  );
program
  .command('stop')
  .option('--root <dir>', 'the installation folder (default: DEPLOY_ROOT)')
  .action((o: { root?: string }) =>
    run(async () => {
      await new Service(layoutFrom(o.root)).stop();
      logLine('Stopped');
    }),
  );
program
  .command('status')
  .option('--root <dir>', 'the installation folder (default: DEPLOY_ROOT)')
  .action((o: { root?: string }) =>
    run(async () => {
      const layout = layoutFrom(o.root);
      const pid = new Service(layout).pid();
      logLine(`current: ${layout.linked('current') ?? 'none'}`);
      logLine(`previous: ${layout.linked('previous') ?? 'none'}`);
      logLine(pid === null ? 'not running' : `running (pid ${pid})`);
      if (pid === null) process.exitCode = 3;
    }),
  );

program.parse(process.argv);
