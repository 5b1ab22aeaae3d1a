import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBotCli } from './run-bot';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'run-bot-'));
}

function capture(signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), signal },
  };
}

describe('npm run bot (argument and config errors)', () => {
  it('prints help with the bundled bots', async () => {
    const { out, io } = capture();
    expect(await runBotCli(['--help'], io)).toBe(0);
    const help = out.join('\n');
    expect(help).toMatch(/--config-file <path>/);
    expect(help).toMatch(/--bot-config-file <path>/);
    expect(help).toMatch(/Bundled bots: converter, encrypt, /);
  });

  it('exits 1 with one line for an unknown bot', async () => {
    const { err, io } = capture();
    expect(await runBotCli(['nosuchbot', '--config-file', '/tmp/x'], io)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^error: unknown bot "nosuchbot"/);
  });

  it('exits 1 with one line naming a missing .zuliprc', async () => {
    const { err, io } = capture();
    const missing = join(tempDir(), 'missing.zuliprc');
    expect(await runBotCli(['helloworld', '--config-file', missing], io)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(missing);
  });

  it('exits 1 with one line for a .zuliprc without a key', async () => {
    const { err, io } = capture();
    const rc = join(tempDir(), 'zuliprc');
    writeFileSync(rc, '[api]\nemail=bot@example.com\nsite=http://127.0.0.1:1\n');
    expect(await runBotCli(['helloworld', '--config-file', rc], io)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^error: .*key/);
  });

  it('exits 1 for an unreadable bot config file and for a bad rate option', async () => {
    const { err, io } = capture();
    expect(await runBotCli(['helloworld', '--bot-config-file', '/nonexistent.conf'], io)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/cannot read bot config file \/nonexistent.conf/)]);
    const second = capture();
    expect(await runBotCli(['helloworld', '--max-messages', 'lots'], second.io)).not.toBe(0);
    expect(second.err.join('\n')).toMatch(/expected a positive number/);
  });
});

/** Just enough of the server's API for one bot conversation: one mention, then an idle queue. */
function fakeServer(onSend: () => void) {
  const requests: Array<{ method: string; path: string; body: URLSearchParams; agent: string }> =
    [];
  let eventsServed = false;
  const reply = (res: ServerResponse, body: object): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ result: 'success', msg: '', ...body }));
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body = new URLSearchParams(raw || url.search);
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        body,
        agent: req.headers['user-agent'] ?? '',
      });
      const route = `${req.method} ${url.pathname}`;
      if (route === 'GET /api/v1/users/me') {
        return reply(res, {
          user_id: 99,
          full_name: 'Hello Bot',
          email: 'hello-bot@example.com',
          is_bot: true,
        });
      }
      if (route === 'POST /api/v1/register')
        return reply(res, { queue_id: 'q1', last_event_id: -1 });
      if (route === 'GET /api/v1/users/10')
        return reply(res, { user: { user_id: 10, is_bot: false } });
      if (route === 'GET /api/v1/events') {
        if (eventsServed) return; // an idle long poll: stays open until the bot stops
        eventsServed = true;
        const message = {
          id: 7,
          type: 'stream',
          sender_id: 10,
          sender_email: 'alice@example.com',
          sender_full_name: 'Alice',
          display_recipient: 'general',
          stream_id: 1,
          subject: 'greetings',
          content: '@**Hello Bot** hi',
          timestamp: 1,
        };
        return reply(res, { events: [{ id: 0, type: 'message', message, flags: ['mentioned'] }] });
      }
      if (route === 'POST /api/v1/messages') {
        reply(res, { id: 500 });
        return onSend();
      }
      if (route === 'POST /api/v1/messages/7/reactions') return reply(res, {});
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ result: 'error', msg: `no route ${route}`, code: 'BAD_REQUEST' }));
    });
  });
  return { server, requests };
}

describe('npm run bot (against a server)', () => {
  it('answers a mention in the same topic and stops cleanly on the stop signal', async () => {
    const controller = new AbortController();
    const { server, requests } = fakeServer(() => setTimeout(() => controller.abort(), 50));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const rc = join(tempDir(), 'zuliprc');
    writeFileSync(
      rc,
      `[api]\nemail=hello-bot@example.com\nkey=abc\nsite=http://127.0.0.1:${port}\n`,
    );
    const { out, err, io } = capture(controller.signal);
    try {
      expect(await runBotCli(['helloworld', '--config-file', rc], io)).toBe(0);
    } finally {
      server.closeAllConnections();
      server.close();
    }
    expect(err).toEqual([]);
    expect(out).toEqual([
      'helloworld: running as Hello Bot <hello-bot@example.com>; Ctrl-C stops it',
      'helloworld: stopped',
    ]);
    const sent = requests.find((r) => r.method === 'POST' && r.path === '/api/v1/messages');
    expect(sent?.body.get('type')).toBe('stream');
    expect(sent?.body.get('to')).toBe('general');
    expect(sent?.body.get('topic')).toBe('greetings');
    expect(sent?.body.get('content')).toBe('beep boop');
    expect(sent?.agent).toMatch(/^ZulipHelloworldBot /);
    const register = requests.find((r) => r.path === '/api/v1/register');
    expect(register?.body.get('apply_markdown')).toBe('false');
    expect(register?.body.get('event_types')).toBe('["message"]');
  });
});
