import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { registerAccountCommands } from './accounts.commands';
import { registerBackupCommands } from './backup.commands';
import { registerDatabaseCommands } from './database.commands';
import { registerEmailMirrorCommands } from './email-mirror.commands';
import { registerExportCommands } from './export.commands';
import { registerMonitoringCommands } from './monitoring.commands';
import { registerRealmCommands } from './realms.commands';
import { registerStreamCommands } from './streams.commands';
import { registerUserCommands } from './users.commands';

export function registerCommands(program: Command, ctx: CliContext): void {
  registerRealmCommands(program, ctx);
  registerUserCommands(program, ctx);
  registerAccountCommands(program, ctx);
  registerStreamCommands(program, ctx);
  registerDatabaseCommands(program, ctx);
  registerExportCommands(program, ctx);
  registerMonitoringCommands(program, ctx);
  registerBackupCommands(program, ctx);
  registerEmailMirrorCommands(program, ctx);
}
