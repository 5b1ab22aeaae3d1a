import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageMap } from './message-map';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-map-'));
}

describe('MessageMap', () => {
  it('survives a restart: links both ways, channels and values', () => {
    const dir = tempDir();
    const map = new MessageMap(dir);
    map.link(10, 'irc:a', 'chat', '#dev');
    map.link(11, 'irc:b', 'remote');
    map.set('chat_cursor', 11);
    map.set('dm:irc:bob', 'alice@example.com');

    const reopened = new MessageMap(dir);
    expect(reopened.byServerId(10)).toEqual({
      serverId: 10,
      remoteId: 'irc:a',
      origin: 'chat',
      channel: '#dev',
    });
    expect(reopened.byRemoteId('irc:b')?.serverId).toBe(11);
    expect(reopened.get('chat_cursor')).toBe(11);
    expect(reopened.get('dm:irc:bob')).toBe('alice@example.com');
  });

  it('ignores a line cut short by a crash', () => {
    const dir = tempDir();
    new MessageMap(dir).link(1, 'x:1', 'chat');
    fs.appendFileSync(path.join(dir, 'message-map.jsonl'), '{"t":"link","s":2,');
    expect(new MessageMap(dir).byServerId(1)?.remoteId).toBe('x:1');
  });

  it('compacts the log and forgets the oldest links beyond the limit', () => {
    const dir = tempDir();
    const map = new MessageMap(dir, { maxLinks: 50 });
    for (let i = 0; i < 3000; i++) {
      map.link(i, `x:${i}`, 'chat');
      map.set('chat_cursor', i);
    }
    expect(map.size).toBe(50);
    expect(map.byServerId(0)).toBeUndefined();
    expect(map.byRemoteId('x:0')).toBeUndefined();
    expect(map.byServerId(2999)?.remoteId).toBe('x:2999');
    const lines = fs.readFileSync(path.join(dir, 'message-map.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(1200);
    const reopened = new MessageMap(dir, { maxLinks: 50 });
    expect(reopened.get('chat_cursor')).toBe(2999);
    expect(reopened.byServerId(2999)?.remoteId).toBe('x:2999');
  });
});
