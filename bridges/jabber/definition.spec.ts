import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryLogger, MessageMap } from '../core';
import { definition } from './definition';

describe('jabber bridge config', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-jabber-config-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  const base = `
zulip: { site: chat.example.com, email: xmpp-bot@example.com }
data_dir: data
jabber:
  service: xmpp://xmpp.example.com:5222
  jid: mirror@example.com
`;

  it('maps rooms to "<room>/xmpp" streams on the default conference domain', async () => {
    const file = write(
      'ok.yaml',
      `${base}rooms:\n  - room: Devel\n  - room: ops@muc.example.org\n    stream: operations\n    topic: alerts\n`,
    );
    const loaded = definition.load(file, { BRIDGE_JABBER_PASSWORD: 'from the environment' });
    expect(loaded.clientName).toBe('jabber_mirror');
    expect(JSON.stringify(loaded.redacted)).not.toContain('from the environment');
    const setup = await loaded.create({
      logger: memoryLogger(),
      map: new MessageMap(path.join(dir, 'map')),
    });
    expect(setup.mappings).toEqual([
      {
        remote: 'devel@conference.example.com',
        stream: 'devel/xmpp',
        topic: undefined,
        defaultTopic: '(no topic)',
      },
      {
        remote: 'ops@muc.example.org',
        stream: 'operations',
        topic: 'alerts',
        defaultTopic: '(no topic)',
      },
    ]);
  });

  it('stops with one line naming the key', async () => {
    const noRooms = write('norooms.yaml', base);
    const loaded = definition.load(noRooms, { BRIDGE_JABBER_PASSWORD: 'x' });
    expect(() =>
      loaded.create({ logger: memoryLogger(), map: new MessageMap(path.join(dir, 'map2')) }),
    ).toThrow('rooms: public mode needs at least one room');
    expect(() => definition.load(noRooms, {})).toThrow(/jabber\.password: is required/);
    const badMode = write('mode.yaml', `${base}  mode: group\n`);
    expect(() => definition.load(badMode, { BRIDGE_JABBER_PASSWORD: 'x' })).toThrow(
      /jabber\.mode: must be one of public, personal/,
    );
  });
});
