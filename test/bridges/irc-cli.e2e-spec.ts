import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ApiClient, Credentials } from '../helpers/api-client';
import { RestartableServer } from '../gateway/helpers/restartable-server';
import { createBridgeBot, waitUntil } from './helpers/chat-side';
import { IrcPerson } from './helpers/irc-person';
import { Ngircd, ngircdBinary } from './helpers/ngircd';

/**
 * The daemon as operators run it: `node dist/bridges/cli.js irc --config FILE` (what
 * `npm run bridge -- irc --config FILE` runs after the build), compiled here into a temp dir.
 */
const ROOT = path.resolve(__dirname, '../..');
const required = process.env.REQUIRE_SERVICES === '1';
const haveNgircd = ngircdBinary() !== undefined;
if (!haveNgircd && !required) {
  process.stderr.write(
    '[test] ngircd is not installed (apt-get install ngircd): skipping the daemon run in test/bridges/irc-cli\n',
  );
}

let outDir: string;
let workDir: string;

function runCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [path.join(outDir, 'bridges/cli.js'), ...args], {
    cwd: workDir,
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function finish(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

function writeConfig(name: string, lines: string[]): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, [...lines, ''].join('\n'));
  return file;
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-bridge-build-'));
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-bridge-cli-'));
  await promisify(execFile)(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/@swc/cli/bin/swc.js'),
      'bridges',
      'libs',
      '-d',
      outDir,
      '--copy-files',
      '--quiet',
    ],
    { cwd: ROOT },
  );
}, 120_000);

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('bridge CLI: configuration', () => {
  const valid = [
    'data_dir: ./state',
    'zulip: { site: "http://127.0.0.1:9", email: bot@example.com }',
    'irc: { host: irc.example.net, nick: zh, password: hunter2 }',
    'channels: [{ irc: "#dev", stream: dev }]',
  ];

  it('stops a bad config with one line naming the key, exit code 2', async () => {
    const file = writeConfig(
      'bad.yaml',
      valid.map((l) => l.replace('nick: zh', 'nick: zh, port: 70000')),
    );
    const { code, stderr, stdout } = await finish(runCli(['irc', '--config', file]));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `bridge: config error: ${file}: irc.port: must be between 1 and 65535 (got 70000)\n`,
    );
  });

  it('names a template that cannot be split', async () => {
    const file = writeConfig(
      'template.yaml',
      valid.map((l) => l.replace('nick: zh', 'nick: zh, message_format: "{text} <{name}>"')),
    );
    const { code, stderr } = await finish(runCli(['irc', '--config', file]));
    expect(code).toBe(2);
    expect(stderr).toContain('irc.message_format: must end with {text}');
  });

  it('rejects an unknown protocol', async () => {
    const file = writeConfig('any.yaml', valid);
    const { code, stderr } = await finish(runCli(['gopher', '--config', file]));
    expect(code).toBe(2);
    expect(stderr).toBe(
      'bridge: config error: unknown protocol "gopher" (expected irc, jabber, slack)\n',
    );
  });

  it('--check prints the validated config with secrets hidden, env overrides applied', async () => {
    const file = writeConfig('check.yaml', valid);
    const { code, stdout } = await finish(
      runCli(['irc', '--config', file, '--check'], {
        BRIDGE_IRC_PORT: '6697',
        BRIDGE_IRC_ZULIP_API_KEY: 'k3y',
      }),
    );
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as {
      irc: Record<string, unknown>;
      zulip: Record<string, unknown>;
    };
    expect(printed.irc).toMatchObject({ host: 'irc.example.net', port: 6697, password: '***' });
    expect(printed.zulip.api_key).toBe('***');
    expect(stdout).not.toContain('hunter2');
  });
});

(haveNgircd || required ? describe : describe.skip)('bridge CLI: the daemon', () => {
  let server: RestartableServer;
  let ircd: Ngircd;
  let owner: Credentials & { id: number };
  let ownerApi: ApiClient;

  beforeAll(async () => {
    if (!haveNgircd) throw new Error('REQUIRE_SERVICES=1 but ngircd is not installed');
    server = await RestartableServer.create();
    await server.start();
    ({ owner } = await server.seed());
    ownerApi = server.client(owner);
    await ownerApi.post('/users/me/subscriptions', { subscriptions: [{ name: 'dev' }] });
    ircd = await Ngircd.create();
  }, 60_000);

  afterAll(async () => {
    await ircd?.stop();
    await server?.destroy();
  });

  it('runs with JSON-lines logs and /health, relays, and stops cleanly on SIGTERM', async () => {
    const bot = await createBridgeBot(server, ownerApi, 'ircd');
    const zuliprc = path.join(workDir, 'bot.zuliprc');
    fs.writeFileSync(zuliprc, `[api]\nemail=${bot.email}\nkey=${bot.apiKey}\nsite=${server.url}\n`);
    const file = writeConfig('daemon.yaml', [
      'data_dir: ./daemon-state',
      'zulip: { zuliprc: ./bot.zuliprc }',
      'health: { port: 0 }',
      `irc: { host: 127.0.0.1, port: ${ircd.port}, nick: zhdaemon, network: example.net }`,
      'channels: [{ irc: "#dev", stream: dev }]',
    ]);
    const alice = await IrcPerson.connect(ircd.port, 'alice');
    await alice.join('#dev');
    const child = runCli(['irc', '--config', file]);
    const lines: Array<Record<string, unknown>> = [];
    let pending = '';
    child.stdout?.on('data', (d: Buffer) => {
      pending += d.toString();
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitUntil(
        () => lines.some((l) => l.msg === 'bridge running'),
        'the daemon to start',
        30_000,
      );
      const port = lines.find((l) => l.msg === 'health endpoint listening')?.port as number;
      await waitUntil(
        () => lines.some((l) => l.msg === 'remote state' && l.state === 'connected'),
        'IRC',
      );
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, remote: { channelsJoined: ['#dev'] } });
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);

      await ownerApi.post('/messages', {
        type: 'stream',
        to: 'dev',
        topic: 'cli',
        content: 'from the daemon',
      });
      await alice.waitFor(
        (l) => l.from === 'zhdaemon' && l.text === '[cli] <Olivia Owner> from the daemon',
      );

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(lines.map((l) => l.msg)).toEqual(
        expect.arrayContaining(['signal received', 'bridge stopped']),
      );
      expect(lines.every((l) => typeof l.ts === 'string' && typeof l.level === 'string')).toBe(
        true,
      );
      expect(JSON.stringify(lines)).not.toContain(bot.apiKey);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      alice.quit();
    }
  }, 60_000);
});
