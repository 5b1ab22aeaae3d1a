import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBotserverConfig } from './botserver-config';

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'botserverrc-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const SECTION = 'email=hello-bot@example.com\nkey=abc\nsite=http://localhost\ntoken=t0k\n';

describe('botserverrc', () => {
  it('reads every bot section with its own bot config file', () => {
    const path = file(
      'botserverrc',
      `[helloworld]\n${SECTION}\n[followup]\nemail=f-bot@example.com\nkey=k\nsite=s\ntoken=t\nbot-config-file=followup.conf\nreply=api\n`,
    );
    writeFileSync(join(path, '..', 'followup.conf'), '[followup]\nstream=later\n');
    const bots = loadBotserverConfig(path);
    expect(bots.map((b) => [b.name, b.email, b.token, b.reply])).toEqual([
      ['helloworld', 'hello-bot@example.com', 't0k', 'webhook'],
      ['followup', 'f-bot@example.com', 't', 'api'],
    ]);
    expect(bots[1].botConfig.sections).toEqual({ followup: { stream: 'later' } });
  });

  it('names the file, section and key of every mistake', () => {
    expect(() => loadBotserverConfig('/nonexistent/botserverrc')).toThrow(
      /cannot read botserver config \/nonexistent\/botserverrc/,
    );
    const missing = file('rc', '[helloworld]\nemail=a@b\nkey=k\nsite=s\n');
    expect(() => loadBotserverConfig(missing)).toThrow(`${missing}: [helloworld] has no token`);
    const unknown = file('rc', `[nosuchbot]\n${SECTION}`);
    expect(() => loadBotserverConfig(unknown)).toThrow(/\[nosuchbot\] is not a bundled bot/);
    const empty = file('rc', '; nothing\n');
    expect(() => loadBotserverConfig(empty)).toThrow(`${empty}: no [bot] sections`);
    const loose = file('rc', `email=x\n[helloworld]\n${SECTION}`);
    expect(() => loadBotserverConfig(loose)).toThrow(/"email" is outside any \[bot\] section/);
    const twice = file('rc', `[helloworld]\n${SECTION}\n[encrypt]\n${SECTION}`);
    expect(() => loadBotserverConfig(twice)).toThrow(/\[encrypt\] uses hello-bot@example.com/);
    const badReply = file('rc', `[helloworld]\n${SECTION}reply=carrier-pigeon\n`);
    expect(() => loadBotserverConfig(badReply)).toThrow(/reply must be "webhook" or "api"/);
  });
});
