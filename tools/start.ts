import { ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildWebClientIfChanged } from './web-client';

/**
 * `npm start`: builds the web client when its sources changed (dist/web), then runs the server and, once it exists in the build, the webhook gateway, each in its
 * own process. A process that dies takes the others down, so a supervisor sees one failure.
 */
const root = path.resolve(__dirname, '../..');
// A release (tools/upgrade) ships the client built and no sources to build it from.
if (fs.existsSync(path.join(root, 'apps', 'web'))) {
  buildWebClientIfChanged(root, (line) => process.stdout.write(`${line}\n`));
}
const dist = path.resolve(__dirname, '..');
const processes: Array<{ name: string; entry: string }> = [
  { name: 'server', entry: path.join(dist, 'apps/server/src/main.js') },
  { name: 'gateway', entry: path.join(dist, 'apps/gateway/src/main.js') },
].filter((p) => fs.existsSync(p.entry));

const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => process.exit(code), 10_000);
  timer.unref();
  Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
  ).then(() => process.exit(code));
}

for (const { name, entry } of processes) {
  const child = fork(entry, { stdio: 'inherit', env: process.env });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${name} exited (${signal ?? code}); stopping\n`);
      stopAll(code ?? 1);
    }
  });
  children.push(child);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
