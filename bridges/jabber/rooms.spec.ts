import { RoomRegistry } from './rooms';

const room = 'lobby@conference.example.com';

describe('RoomRegistry', () => {
  it('resolves a join on our own presence and forgets joins when the connection ends', async () => {
    const rooms = new RoomRegistry();
    rooms.add(room);
    const joined = rooms.expectSelfPresence(room, 1000);
    rooms.onPresence({
      room,
      nick: 'Alice',
      available: true,
      self: false,
      created: false,
      realJid: 'alice@example.com',
      seesRealJids: false,
    });
    rooms.onPresence({
      room,
      nick: 'bridge',
      available: true,
      self: true,
      created: false,
      seesRealJids: true,
    });
    await expect(joined).resolves.toMatchObject({ nick: 'bridge', self: true });
    rooms.markJoined(room, 'bridge');
    expect(rooms.realJidOf(room, 'Alice')).toBe('alice@example.com');
    expect(rooms.seesRealJids(room)).toBe(true);
    expect(rooms.joined()).toEqual([room]);
    const pending = rooms.expectSelfPresence(room, 1000);
    rooms.leftAll();
    await expect(pending).rejects.toThrow(/connection ended/);
    expect(rooms.joined()).toEqual([]);
  });

  it('remembers that a room hides real JIDs from us until we leave it', () => {
    const rooms = new RoomRegistry();
    rooms.add(room);
    const self = { room, nick: 'bridge', available: true, self: true, created: false };
    rooms.onPresence({ ...self, role: 'participant', seesRealJids: false });
    expect(rooms.seesRealJids(room)).toBe(false);
    rooms.markLeft(room);
    expect(rooms.seesRealJids(room)).toBe(true);
    rooms.onPresence({ ...self, role: 'moderator', seesRealJids: true });
    expect(rooms.seesRealJids(room)).toBe(true);
  });

  it('relays a message key once, even when history replays it', () => {
    const rooms = new RoomRegistry();
    rooms.add(room);
    expect(rooms.firstSighting(room, 'Alice#1')).toBe(true);
    expect(rooms.firstSighting(room, 'Alice#1')).toBe(false);
    expect(rooms.firstSighting(room, 'Alice#2')).toBe(true);
  });
});
